#!/usr/bin/env bash
# Benchmark of the progress endpoint and the task list on a city-scale data set (100 wards' plans, 30 300 tasks).
# Runs the packaged jar on 127.0.0.1:${PORT} against a fresh database on the machine's PostgreSQL. Kafka is not
# needed for the read endpoints: the consumers are disabled and the outbox relay idles (outbox.relay.interval is not
# declared in common's OutboxConfig mapping, hence validate-unknown=false). NOT part of the test suite.
# Needs: wrk, hey (apt-get install -y wrk hey), python3 with cryptography, psql, openssl.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in wrk hey; do command -v "$tool" >/dev/null || apt-get install -y "$tool"; done
PORT=${PORT:-18181}
RATE=${RATE:-500}          # requests per second for the fixed-rate runs (hey: concurrency x per-worker rate)
DURATION=${DURATION:-30s}
WARDS=${WARDS:-100}
DB=bench_criteria
WORK=$(mktemp -d)
# The bench's own exit status is kept: under `set -e` a failing command in the trap (`wait` returns the service's
# 143 after SIGTERM) would end the trap early with that status, leaving the work directory and the database behind.
cleanup() {
  local status=$?
  set +e
  if [ -n "${APP_PID:-}" ]; then kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null; fi
  rm -rf "$WORK"
  [ -n "${KEEP_DB:-}" ] || psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1
  exit "$status"
}
trap cleanup EXIT

if [ ! -f criteria-service/target/quarkus-app/quarkus-run.jar ]; then
  ./mvnw -B -q -ntp package -DskipTests -pl criteria-service -am
fi
psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB with (force)" -c "create database $DB encoding 'UTF8' template template0"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
openssl pkey -in "$WORK/key.pem" -pubout -out "$WORK/pub.pem"

# JFR=/path/rec.jfr records a profile of the whole run (jfr print --events jdk.ExecutionSample …)
JAVA_OPTS=${JAVA_OPTS:-}
[ -n "${JFR:-}" ] && JAVA_OPTS="$JAVA_OPTS -XX:StartFlightRecording=filename=$JFR,settings=profile,dumponexit=true"
java -Xmx1g $JAVA_OPTS \
  -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" -Dquarkus.datasource.username=postgres \
  -Dmp.jwt.verify.publickey.location="$WORK/pub.pem" -Dmp.jwt.verify.issuer=https://bench.friendlygov.local \
  -Dkafka.bootstrap.servers=127.0.0.1:1 -Doutbox.relay.interval=1h -Dsmallrye.config.mapping.validate-unknown=false \
  -Dmp.messaging.incoming.evidence-events.enabled=false -Dmp.messaging.incoming.feedback-events.enabled=false \
  -Dquarkus.log.console.json.enabled=false -Dquarkus.log.level=WARN \
  -jar criteria-service/target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/q/health/live" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/q/health/live" >/dev/null || { cat "$WORK/app.log"; exit 1; }

ADMIN=$(python3 criteria-service/bench/sign_jwt.py "$WORK/key.pem" admin)
echo "importing $WARDS wards' plans…"
start=$(date +%s)
for i in $(seq -f "%03g" 1 "$WARDS"); do
  curl -sf -o /dev/null -X POST -H "Authorization: Bearer $ADMIN" -H "Content-Type: text/plain; charset=utf-8" \
    --data-binary @seeds/ke-hoach-chinh-quyen-than-thien-phu-lien-2026.txt \
    "http://127.0.0.1:$PORT/api/v1/plans/import?ward=ward-$i&year=2026"
done
echo "imported in $(( $(date +%s) - start )) s; tasks: $(psql -tA -h 127.0.0.1 -U postgres -d $DB -c 'select count(*) from task_occurrence')"

LEADER=$(python3 criteria-service/bench/sign_jwt.py "$WORK/key.pem" leader ward-057 VP)
PROGRESS="http://127.0.0.1:$PORT/api/v1/plans/ward-057-2026/progress?asOf=2026-06-30"
TASKS="http://127.0.0.1:$PORT/api/v1/plans/ward-057-2026/tasks?unit=VP&status=TODO&dueFrom=2026-04-01&dueTo=2026-09-30&q=lanh%20dao&size=50"
TASKS_PAGE="http://127.0.0.1:$PORT/api/v1/plans/ward-057-2026/tasks?size=50&page=2"

echo "warm-up"
hey -z 15s -c 20 -H "Authorization: Bearer $LEADER" "$PROGRESS" >/dev/null
hey -z 15s -c 20 -H "Authorization: Bearer $LEADER" "$TASKS" >/dev/null
# the cache-missing code paths too (JIT, and each ward's plan tree, kept per imported file), 10 s each
for tpl in "/api/v1/plans/{plan}/progress?asOf=2026-05-{day}" "/api/v1/plans/{plan}/tasks?dueFrom=2026-02-{day}&size=50"; do
  PATH_TEMPLATE="$tpl" TOKEN="$ADMIN" DELAY_MS=$(( 50000 / RATE )) wrk -t2 -c50 -d10s \
    -s criteria-service/bench/wards.lua "http://127.0.0.1:$PORT" > /dev/null
done

CONC=$(( RATE / 10 ))
# baseline of the same run: the same load generator at the same rate against the service's cheapest answer (the
# liveness check: no token, no database), i.e. what HTTP and the shared cores alone cost
echo "== BASELINE /q/health/live at $RATE req/s for $DURATION (hey -c $CONC -q 10)"
hey -z "$DURATION" -c "$CONC" -q 10 "http://127.0.0.1:$PORT/q/health/live" \
  | grep -E "Requests/sec|Average|Slowest|10% in|50% in|90% in|95% in|99% in|^ +\[[0-9]+\]"
for name in ${RUNS:-PROGRESS TASKS TASKS_PAGE}; do
  echo "== $name at $RATE req/s for $DURATION (hey -c $CONC -q 10)"
  hey -z "$DURATION" -c "$CONC" -q 10 -H "Authorization: Bearer $LEADER" "${!name}" \
    | grep -E "Requests/sec|Average|Slowest|10% in|50% in|90% in|95% in|99% in|^ +\[[0-9]+\]"
done

echo "== cache-missing paths at <= $RATE req/s (wrk -c50, 100 ms pause per connection, random ward and day)"
for tpl in "/api/v1/plans/{plan}/progress?asOf=2026-06-{day}" "/api/v1/plans/{plan}/tasks?dueFrom=2026-01-{day}&size=50"; do
  echo "-- $tpl"
  PATH_TEMPLATE="$tpl" TOKEN="$ADMIN" DELAY_MS=$(( 50000 / RATE )) wrk -t2 -c50 -d"$DURATION" --latency \
    -s criteria-service/bench/wards.lua "http://127.0.0.1:$PORT" | grep -E "Requests/sec|50%|90%|99%|Non-2xx"
done

[ "${SATURATION:-1}" = 1 ] || exit 0
echo "== saturation across all wards (wrk -t2 -c32, city admin token)"
for tpl in "/api/v1/plans/{plan}/progress?asOf=2026-06-30" "/api/v1/plans/{plan}/tasks?unit=VP&status=TODO&size=50" \
    "/api/v1/plans/{plan}/tasks?dueFrom=2026-01-{day}&size=50"; do
  echo "-- $tpl"
  PATH_TEMPLATE="$tpl" TOKEN="$ADMIN" wrk -t2 -c32 -d20s --latency -s criteria-service/bench/wards.lua \
    "http://127.0.0.1:$PORT" | grep -E "Requests/sec|50%|90%|99%|Non-2xx"
done
