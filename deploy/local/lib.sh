# Shared by the local-stack scripts. Everything the stack writes lives under .local/ (git-ignored).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL="$ROOT/.local"
LOGS="$LOCAL/logs"
RUN="$LOCAL/run"
SECRETS="$LOCAL/secrets"
KEYS="$LOCAL/keys"
SERVICES=(criteria evidence feedback notification)
JWT_ISSUER_LOCAL="https://local.friendlygov.vn"
mkdir -p "$LOGS" "$RUN" "$SECRETS" "$KEYS"
chmod 700 "$SECRETS" "$KEYS"

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }

service_port() {
  case "$1" in criteria) echo 8081 ;; evidence) echo 8082 ;; feedback) echo 8083 ;; notification) echo 8084 ;; esac
}

# port_open HOST PORT: something accepts connections there
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# running NAME: the pid file names a live process
running() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

require_java() {
  command -v java >/dev/null 2>&1 || die "java is not installed: install a JDK 17 or newer (e.g. apt-get install -y openjdk-17-jdk-headless)"
  local v
  v=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
  [ "${v%%.*}" -ge 17 ] 2>/dev/null || die "java $v is too old: JDK 17 or newer is needed"
}

# secret NAME: a random value generated once and kept in .local/secrets (never committed)
secret() {
  local f="$SECRETS/$1"
  if [ ! -s "$f" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$f")
  fi
  cat "$f"
}

# a 32-byte key in base64 (AES-256), generated once into .local/secrets
secret_key32() {
  local f="$SECRETS/$1"
  if [ ! -s "$f" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -d '\n' > "$f")
  fi
  cat "$f"
}

token() { # token ROLE UNIT WARD
  java "$ROOT/deploy/local/Token.java" sign "$KEYS" "$JWT_ISSUER_LOCAL" "$1" "${2:-}" "${3:-}" 12
}
