#!/usr/bin/env bash
# Makes sure PostgreSQL answers at 127.0.0.1:5432: uses a running server, else starts the installed cluster, else
# installs it from the OS packages. With --service-databases, also creates one role and one database per service
# (idempotent; passwords are generated once into .local/secrets). Used by up.sh and by .ci/run.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PGHOST_LOCAL=127.0.0.1
PGPORT_LOCAL=5432

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi; }

pg_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$PGHOST_LOCAL" -p "$PGPORT_LOCAL"
  else
    port_open "$PGHOST_LOCAL" "$PGPORT_LOCAL"
  fi
}

start_installed_cluster() {
  if command -v pg_lsclusters >/dev/null 2>&1 && [ -n "$(pg_lsclusters -h 2>/dev/null)" ]; then
    local ver name
    read -r ver name _ < <(pg_lsclusters -h | head -n 1)
    say "starting the installed PostgreSQL cluster $ver/$name"
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start || true
    return 0
  fi
  return 1
}

install_postgres() {
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not running and not installed, and apt-get is not available: install PostgreSQL 15+ and start it on 127.0.0.1:5432"
  say "installing PostgreSQL from the OS packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  start_installed_cluster || die "PostgreSQL was installed but no cluster was created"
}

if pg_answers; then
  :
elif start_installed_cluster && { for _ in $(seq 1 30); do pg_answers && break; sleep 1; done; pg_answers; }; then
  :
else
  install_postgres
  for _ in $(seq 1 30); do pg_answers && break; sleep 1; done
  pg_answers || die "PostgreSQL does not answer on $PGHOST_LOCAL:$PGPORT_LOCAL (see its log under /var/log/postgresql)"
fi

command -v psql >/dev/null 2>&1 || { say "installing the PostgreSQL client"; as_root apt-get update -qq; as_root apt-get install -y -qq postgresql-client >/dev/null; }

# Administrative access: trust over TCP as postgres (this machine), else the postgres OS user over the socket.
admin_psql() {
  if psql -h "$PGHOST_LOCAL" -p "$PGPORT_LOCAL" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    psql -h "$PGHOST_LOCAL" -p "$PGPORT_LOCAL" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
  else
    as_root runuser -u postgres -- psql -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
  fi
}
admin_psql -c 'select 1' >/dev/null || die "cannot connect to PostgreSQL as its superuser"

if [ "${1:-}" = "--service-databases" ]; then
  for svc in "${SERVICES[@]}"; do
    pw=$(secret "db-$svc")
    exists=$(admin_psql -c "select 1 from pg_roles where rolname = '$svc'")
    if [ "$exists" != 1 ]; then
      admin_psql -c "create role $svc login password '$pw'" >/dev/null
    else
      admin_psql -c "alter role $svc login password '$pw'" >/dev/null
    fi
    if [ "$(admin_psql -c "select 1 from pg_database where datname = '$svc'")" != 1 ]; then
      admin_psql -c "create database $svc owner $svc encoding 'UTF8' template template0" >/dev/null
      say "created database $svc"
    fi
  done
fi
