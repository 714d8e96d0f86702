#!/usr/bin/env bash
# Starts the whole platform on this machine: PostgreSQL, a single-node Kafka broker, the four services; loads the
# seed plan; prints the URLs and how to get a token. Idempotent: what already runs is left as it is.
#   deploy/local/up.sh            build if needed, start everything
#   deploy/local/up.sh --rebuild  rebuild the services first
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
T0=$(date +%s%N)
REBUILD=0
[ "${1:-}" = "--rebuild" ] && REBUILD=1

require_java
command -v curl >/dev/null 2>&1 || { say "installing curl"; apt-get update -qq && apt-get install -y -qq curl >/dev/null; } \
  || die "curl is missing and could not be installed"

# --- ports: refuse clearly when something else holds one of ours ---------------------------------------------------
check_port() { # NAME PORT
  if port_open 127.0.0.1 "$2" && ! running "$1"; then
    die "port $2 (for $1) is taken by another process: stop it (ss -ltnp 'sport = :$2' shows which) or run deploy/local/down.sh"
  fi
}
check_port kafka 9092
check_port kafka 9093
for svc in "${SERVICES[@]}"; do check_port "$svc" "$(service_port "$svc")"; done

# --- PostgreSQL: one role and one database per service -------------------------------------------------------------
say "PostgreSQL"
"$ROOT/deploy/local/ensure-postgres.sh" --service-databases

# --- signing key for local tokens (generated once, never committed) ------------------------------------------------
java "$ROOT/deploy/local/Token.java" keygen "$KEYS"

# --- Kafka: a real KRaft broker from the kafka_2.13 jars Maven fetches ---------------------------------------------
KAFKA="$LOCAL/kafka"
if ! running kafka; then
  say "Kafka"
  if [ ! -d "$KAFKA/libs" ] || [ -z "$(ls -A "$KAFKA/libs" 2>/dev/null)" ]; then
    say "fetching the Kafka broker jars with Maven"
    "$ROOT/mvnw" -B -q -f "$ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$KAFKA/libs" >"$LOGS/kafka-fetch.log" 2>&1 || die "could not fetch Kafka (see $LOGS/kafka-fetch.log)"
  fi
  mkdir -p "$KAFKA/data"
  { cat "$ROOT/deploy/local/kafka/server.properties"; echo "log.dirs=$KAFKA/data"; } > "$KAFKA/server.properties"
  KAFKA_JAVA=(java -Xms256m -Xmx512m -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.properties" -cp "$KAFKA/libs/*")
  if [ ! -f "$KAFKA/data/meta.properties" ]; then
    cluster_id=$("${KAFKA_JAVA[@]}" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    "${KAFKA_JAVA[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA/server.properties" >"$LOGS/kafka-format.log" 2>&1 \
      || die "formatting Kafka storage failed (see $LOGS/kafka-format.log)"
  fi
  nohup "${KAFKA_JAVA[@]}" kafka.Kafka "$KAFKA/server.properties" >"$LOGS/kafka.log" 2>&1 &
  echo $! > "$RUN/kafka.pid"
fi
for _ in $(seq 1 60); do port_open 127.0.0.1 9092 && break; running kafka || die "Kafka exited (see $LOGS/kafka.log)"; sleep 1; done
port_open 127.0.0.1 9092 || die "Kafka did not open 127.0.0.1:9092 within 60 s (see $LOGS/kafka.log)"

# --- the services ---------------------------------------------------------------------------------------------------
missing=0
for svc in "${SERVICES[@]}"; do [ -f "$ROOT/$svc-service/target/quarkus-app/quarkus-run.jar" ] || missing=1; done
if [ "$REBUILD" = 1 ] || [ "$missing" = 1 ]; then
  say "building the services (./mvnw package -DskipTests; log in $LOGS/build.log)"
  "$ROOT/mvnw" -B -f "$ROOT/pom.xml" package -DskipTests -pl criteria-service,evidence-service,feedback-service,notification-service -am \
    >"$LOGS/build.log" 2>&1 || die "the build failed (see $LOGS/build.log)"
fi

# local configuration of each service: the env file (non-secret) plus generated secrets
T_SERVICES=$(date +%s%N)
for svc in "${SERVICES[@]}"; do
  running "$svc" && continue
  say "starting $svc-service on :$(service_port "$svc")"
  (
    set -a
    # shellcheck disable=SC1091
    [ -f "$ROOT/deploy/local/local.env" ] && source "$ROOT/deploy/local/local.env"
    QUARKUS_HTTP_PORT=$(service_port "$svc")
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$svc"
    QUARKUS_DATASOURCE_USERNAME="$svc"
    QUARKUS_DATASOURCE_PASSWORD="$(secret "db-$svc")"
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEYS/public.pem"
    JWT_ISSUER="$JWT_ISSUER_LOCAL"
    QUARKUS_LOG_CONSOLE_JSON_ENABLED=false
    LOCAL_DATA_DIR="$LOCAL/data/$svc"
    # every variable local.env names in LOCAL_SECRET_VARS gets a random value generated once into .local/secrets
    for var in ${LOCAL_SECRET_VARS:-}; do printf -v "$var" '%s' "$(secret "$var")"; export "${var?}"; done
    # feedback-service encrypts the chat channels' tokens at rest with this key
    if [ "$svc" = feedback ]; then FEEDBACK_TOKEN_KEY="$(secret_key32 feedback-token-key)"; fi
    set +a
    mkdir -p "$LOCAL_DATA_DIR"
    cd "$LOCAL_DATA_DIR"
    nohup java -Xms64m -Xmx384m -jar "$ROOT/$svc-service/target/quarkus-app/quarkus-run.jar" >"$LOGS/$svc-service.log" 2>&1 &
    echo $! > "$RUN/$svc.pid"
  )
done

for svc in "${SERVICES[@]}"; do
  port=$(service_port "$svc")
  ok=0
  for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$port/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; then ok=1; break; fi
    running "$svc" || die "$svc-service exited (see $LOGS/$svc-service.log)"
    sleep 0.5
  done
  [ "$ok" = 1 ] || die "$svc-service is not ready after 120 s (see $LOGS/$svc-service.log and http://127.0.0.1:$port/q/health/ready)"
done
T_READY=$(date +%s%N)

# --- the seed plan ---------------------------------------------------------------------------------------------------
say "loading the seed plan phu-lien-2026"
ADMIN=$(token admin "" phu-lien)
code=$(curl -sS -o "$LOGS/seed-import.json" -w '%{http_code}' -X POST \
  -H "Authorization: Bearer $ADMIN" -H 'Content-Type: text/plain; charset=utf-8' \
  --data-binary @"$ROOT/seeds/ke-hoach-chinh-quyen-than-thien-phu-lien-2026.txt" \
  'http://127.0.0.1:8081/api/v1/plans/import?ward=phu-lien&year=2026')
case "$code" in
  200|201) say "seed plan loaded (report: $LOGS/seed-import.json)" ;;
  *) die "loading the seed plan answered HTTP $code (see $LOGS/seed-import.json)" ;;
esac

ms() { echo $(( ($2 - $1) / 1000000 )); }
cat <<MSG

Everything is up ($(ms "$T0" "$T_READY") ms to all four ready; services alone $(ms "$T_SERVICES" "$T_READY") ms).
  criteria-service      http://127.0.0.1:8081   (Swagger UI: http://127.0.0.1:8081/q/swagger-ui)
  evidence-service      http://127.0.0.1:8082   (Swagger UI: http://127.0.0.1:8082/q/swagger-ui)
  feedback-service      http://127.0.0.1:8083   (Swagger UI: http://127.0.0.1:8083/q/swagger-ui)
  notification-service  http://127.0.0.1:8084   (Swagger UI: http://127.0.0.1:8084/q/swagger-ui)
  Kafka                 127.0.0.1:9092          PostgreSQL 127.0.0.1:5432 (databases criteria, evidence, feedback, notification)
  Logs                  $LOGS

A token (role admin|leader|reviewer|officer; units VHXH, TTPVHCC, VP, KT, TTDVSNC):
  TOKEN=\$(deploy/local/token.sh --role officer --unit VHXH --ward phu-lien)
  curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:8084/api/v1/inbox
Stop with deploy/local/down.sh.
MSG
