#!/usr/bin/env bash
# Intake benchmark of feedback-service: wrk (OS package) drives the citizen API and then Open311 while pgbench runs
# the same inserts on the same database at the same time. Everything binds 127.0.0.1 on ports away from the local
# stack (app 18083, Kafka 19092/19093). Not part of the test suite. Usage:
#   flock /tmp/friendlygov-bench.lock feedback-service/bench/run.sh   (DURATION=30 WARMUP=30 RATE=1000 CONNECTIONS=64;
#   PGB_CLIENTS=0 for the service alone; DOORS="open311 citizen" for the other order; SETTLE=20 s of the first door
#   before it is measured; JFR=1, GCLOG=1, APP_OPTS=<JVM flags> for profiling)
# RATE is the offered load in submissions/s, held fixed by the wrk scripts (common.lua) whatever the latency; wrk
# reports the achieved rate and the percentiles. pgbench runs unthrottled beside it (PGB_CLIENTS clients), one
# transaction per submission, writing what the service writes.
# Needs: wrk, pgbench, psql (installed when absent), a PostgreSQL reachable with PGHOST/PGPORT/PGUSER/PGPASSWORD
# (defaults 127.0.0.1/5432/postgres).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${BENCH_WORK:-/tmp/feedback-bench}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-64}
export RATE=${RATE:-1000} THREADS=2 BENCH_DIR=$HERE
PGB_CLIENTS=${PGB_CLIENTS:-4}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=feedback_bench
APP_PORT=18083
mkdir -p "$WORK"
say() { printf '== %s\n' "$*"; }
if ! command -v wrk > /dev/null || ! command -v pgbench > /dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk postgresql-client > /dev/null
fi
say "start: $(date -u +%FT%TZ), load average:$(uptime | sed 's/.*load average://')"
pids=()
pg_reset=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ ${#pg_reset[@]} -gt 0 ]; then
    for name in "${pg_reset[@]}"; do psql -d postgres -qc "alter system reset $name" || true; done
    psql -d postgres -qAtc "select pg_reload_conf()" > /dev/null || true
  fi
}
trap cleanup EXIT

say "Kafka on 127.0.0.1:19092"
if [ ! -d "$WORK/kafka-libs" ]; then
  "$ROOT/mvnw" -B -q -f "$ROOT/deploy/local/kafka/pom.xml" dependency:copy-dependencies -DoutputDirectory="$WORK/kafka-libs"
fi
# KAFKA_DATA puts the broker's log elsewhere (e.g. /dev/shm/feedback-bench-kafka: production's brokers do not share
# the database's disk, this machine has one); KAFKA_EXTRA adds broker properties ("name=value name=value")
KAFKA_DATA=${KAFKA_DATA:-$WORK/kafka-data}
rm -rf "$KAFKA_DATA" && mkdir -p "$KAFKA_DATA"
sed -e 's/9092/19092/g; s/9093/19093/g' "$ROOT/deploy/local/kafka/server.properties" > "$WORK/server.properties"
echo "log.dirs=$KAFKA_DATA" >> "$WORK/server.properties"
for kv in ${KAFKA_EXTRA:-}; do echo "$kv" >> "$WORK/server.properties"; done
say "Kafka's log in $KAFKA_DATA (on $(df --output=source "$KAFKA_DATA" | tail -1))${KAFKA_EXTRA:+, with $KAFKA_EXTRA}"
KJ=(java -Xms256m -Xmx512m -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.properties" -cp "$WORK/kafka-libs/*")
"${KJ[@]}" kafka.tools.StorageTool format -t "$("${KJ[@]}" kafka.tools.StorageTool random-uuid | tail -n1)" \
  -c "$WORK/server.properties" > "$WORK/kafka-format.log" 2>&1
"${KJ[@]}" kafka.Kafka "$WORK/server.properties" > "$WORK/kafka.log" 2>&1 & pids+=($!)

# PostgreSQL as the deployment configures it (postgresql.parameters of deploy/k8s/base/postgres/feedback-db.yaml;
# docs/2026-12-07-feedback-band-table.md): the parameters a reload applies are set for the run with ALTER SYSTEM and
# reset when it ends (the trap above); those that need a restart (none today) are left as the machine has them.
# PG_DEPLOY_SETTINGS=0 runs with the machine's own settings.
if [ "${PG_DEPLOY_SETTINGS:-1}" = 1 ]; then
  while IFS='=' read -r name value; do
    context=$(psql -d postgres -qAtc "select context from pg_settings where name = '$name'")
    if [ "$context" = sighup ] || [ "$context" = superuser ]; then
      psql -d postgres -qc "alter system set $name = '$value'" && pg_reset+=("$name")
    else
      say "PostgreSQL: $name=$value needs a restart ($context); left as it is"
    fi
  done < <(sed -n '/^    parameters:/,/^  [a-z]/p' "$ROOT/deploy/k8s/base/postgres/feedback-db.yaml" \
    | sed -n 's/^      \([a-z_]*\): "\(.*\)"$/\1=\2/p')
  # PG_EXTRA ("name=value name=value"): more settings for the run, set and reset the same way (experiments)
  for kv in ${PG_EXTRA:-}; do
    psql -d postgres -qc "alter system set ${kv%%=*} = '${kv#*=}'" && pg_reset+=("${kv%%=*}")
  done
  # autovacuum as in the deployment (CloudNativePG keeps PostgreSQL's default, on); a machine may turn it off
  # (this one does, conf.d/90-ci.conf), which would spare the run the vacuum of the hot tables production pays
  if [ "$(psql -d postgres -qAtc 'show autovacuum')" != on ]; then
    psql -d postgres -qc "alter system set autovacuum = on" && pg_reset+=(autovacuum)
  fi
  # measurement only: the time of each WAL write and fsync in pg_stat_wal (a clock read per call)
  psql -d postgres -qc "alter system set track_wal_io_timing = on" && pg_reset+=(track_wal_io_timing)
  psql -d postgres -qAtc "select pg_reload_conf()" > /dev/null
  say "PostgreSQL with the deployment's settings: $(psql -d postgres -qAtc "select string_agg(name || '=' \
    || current_setting(name), ' ' order by name) from pg_settings where name in ('wal_compression',
    'max_wal_size', 'min_wal_size', 'checkpoint_timeout', 'checkpoint_completion_target', 'shared_buffers')")"
  say "PostgreSQL, the run's other settings: $(psql -d postgres -qAtc "select string_agg(name || '=' \
    || current_setting(name), ' ' order by name) from pg_settings where (sourcefile like '%auto.conf' or name = 'autovacuum')
    and name not in ('wal_compression', 'max_wal_size', 'min_wal_size', 'checkpoint_timeout',
    'checkpoint_completion_target', 'shared_buffers')")"
fi

say "fresh database $DB"
psql -d postgres -qc "drop database if exists $DB" -c "create database $DB"

say "building and starting the service on 127.0.0.1:$APP_PORT (rate limit off: one client makes all the load)"
"$ROOT/mvnw" -B -q -f "$ROOT/pom.xml" -pl feedback-service -am package -Dmaven.test.skip=true > "$WORK/build.log" 2>&1 \
  || { tail -20 "$WORK/build.log"; exit 1; }
for _ in $(seq 1 60); do (exec 3<>/dev/tcp/127.0.0.1/19092) 2>/dev/null && break; sleep 1; done
# the collector the pods run (the image sets -XX:+UseSerialGC; docs/2026-12-03-feedback-intake-cpu.md) and, as the
# image's InitialRAMPercentage = MaxRAMPercentage, a heap at its full size from the start
KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092 \
QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_HTTP_HOST=127.0.0.1 \
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" RATE_LIMIT_ENABLED=false MP_JWT_VERIFY_PUBLICKEY=unused \
java -XX:+UseSerialGC -Xms1g -Xmx1g ${APP_OPTS:-} '-Dquarkus.log.category."vn.friendlygov.feedback.service.IntakeTimings".level=DEBUG' \
   ${GCLOG:+-Xlog:gc:file=$WORK/gc.log} ${JFR:+-XX:StartFlightRecording=filename=$WORK/app.jfr,settings=profile,dumponexit=true} \
  -jar "$ROOT/feedback-service/target/quarkus-app/quarkus-run.jar" > "$WORK/app.log" 2>&1 & pids+=($!)
APP_PID=$!
KAFKA_PID=${pids[0]}
for _ in $(seq 1 90); do curl -fs "http://127.0.0.1:$APP_PORT/q/health/ready" >/dev/null && break; sleep 1; done
curl -fs "http://127.0.0.1:$APP_PORT/q/health/ready" > /dev/null || { tail -50 "$WORK/app.log"; exit 1; }

say "an Open311 key for the load"
psql -d $DB -qc "insert into open311_client (id, name, key_hash, created_by, created_at)
  values (gen_random_uuid(), 'bench', encode(sha256('bench-key-not-secret'::bytea), 'hex'), 'bench', now())"
export OPEN311_KEY=bench-key-not-secret
psql -d $DB -qc "create sequence bench_code"

# warm-up, not measured: each door at the measured rate for WARMUP seconds, so that the measured runs see the
# steady state (code compiled by C2, pools and caches filled, batches of the measured size). With 10 s at 300/s the
# first measured door still paid for compilation: 1.07 ms of service CPU per submission against 0.75 ms for the
# second door doing more work (2026-12-03).
export ACCEPTED_DIR="$WORK"
rm -f "$WORK"/accepted-*.txt
# Then both doors at once, half the rate each: code the two doors share is compiled for both (warmed up one after
# the other, the second door's calls made C2 throw away code compiled for the first, which was then recompiled
# during the first measured run: 2-3.6 CPU-s of compiler threads in it, 2026-12-07).
say "warm-up: each door ${WARMUP}s at $RATE/s, then both at once ${WARMUP}s at $((RATE / 2))/s each"
RUN_NAME=warmup wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$HERE/citizen.lua" "http://127.0.0.1:$APP_PORT" > "$WORK/warmup-wrk.txt"
RUN_NAME=warmup311 wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$HERE/open311.lua" "http://127.0.0.1:$APP_PORT" > "$WORK/warmup311-wrk.txt"
THREADS=1 RATE=$((RATE / 2)) RUN_NAME=warmupmix wrk -t1 -c$((CONNECTIONS / 2)) -d"${WARMUP}s" -s "$HERE/citizen.lua" \
  "http://127.0.0.1:$APP_PORT" > "$WORK/warmupmix-wrk.txt" &
THREADS=1 RATE=$((RATE / 2)) RUN_NAME=warmupmix311 wrk -t1 -c$((CONNECTIONS / 2)) -d"${WARMUP}s" -s "$HERE/open311.lua" \
  "http://127.0.0.1:$APP_PORT" > "$WORK/warmupmix311-wrk.txt"
wait $!
# what autovacuum does for a table that grew from nothing (V5 lowers its threshold); a fresh table's statistics say
# it is empty and the planner would scan the ward instead of using the trigram index
psql -d $DB -qc "analyze feedback"
# A checkpoint after the warm-up, as a server under load has one every checkpoint_timeout: the WAL files the warm-up
# filled are kept for reuse (min_wal_size), so that the measured doors write into recycled files as a running server
# does, whatever earlier runs left in pg_wal (this machine's pg_wal after a reboot: 3 files; every door then created
# 12-13 files, each a stall of every commit; docs/2026-12-07-feedback-tail-2.md). CHECKPOINT=0: none.
if [ "${CHECKPOINT:-1}" = 1 ]; then
  psql -d postgres -qc "checkpoint"
  say "checkpoint after the warm-up: $(psql -d postgres -qAtc "select count(*) || ' WAL segment files, '
    || pg_size_pretty(sum(size)) from pg_ls_waldir()")"
fi
# then the first measured door alone for SETTLE s, unmeasured: measured right after the mixed warm-up and the analyze,
# the first door ran with the JIT still recompiling (1.3 CPU-s of compiler threads) and its p99 was 66-78 ms where
# the same door measured second had 29-48 ms (2026-12-07; docs/2026-12-07-feedback-tail.md)
first_door=$(echo ${DOORS:-citizen open311} | awk '{print $1}')
say "settling: $first_door ${SETTLE:-20}s at $RATE/s, not measured"
RUN_NAME=settle wrk -t2 -c"$CONNECTIONS" -d"${SETTLE:-20}s" -s "$HERE/$first_door.lua" "http://127.0.0.1:$APP_PORT" \
  > "$WORK/settle-wrk.txt"

# CPU seconds (user + system) used so far by a set of processes: who takes the two cores during a run
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{t += $14 + $15 + $16 + $17} END {printf "%.1f", t / hz}' "$@" 2>/dev/null || echo 0; }
cpu_snapshot() {
  echo "service $(cpu_of /proc/$APP_PID/stat) kafka $(cpu_of /proc/$KAFKA_PID/stat)" \
    "postgres $(cpu_of $(for p in $(pgrep -x postgres); do echo /proc/$p/stat; done))" \
    "all $(awk '/^cpu /{printf "%.1f", ($2+$3+$4+$7+$8) / 100}' /proc/stat)" \
    "stolen $(awk '/^cpu /{printf "%.1f", $9 / 100}' /proc/stat)"
}

# bytes sent to the disk so far (/proc/<pid>/io write_bytes: counted for the process that dirtied the pages, when
# they are dirtied, whoever writes them back later) by Kafka and the service, and by everything (the disk's count)
# (PostgreSQL's processes are left out: summed over backends that come and go, their counters told nothing)
written() { echo "kafka $(awk '/^write_bytes/{print $2}' /proc/$KAFKA_PID/io)" \
    "service $(awk '/^write_bytes/{print $2}' /proc/$APP_PID/io)" \
    "disk $(awk -v dev="$DISK" '$3 == dev {print $10 * 512}' /proc/diskstats)"; }
# the disk holding PostgreSQL's data directory (its /proc/diskstats name), for the samplers
DISK=$(basename "$(df --output=source "$(psql -d postgres -qAtc 'show data_directory' 2>/dev/null || echo /)" 2>/dev/null \
  | tail -1)")

# CPU seconds per thread of the service, grouped by name (digits dropped): which of its threads take the CPU
threads_of() { for t in /proc/$APP_PID/task/*; do
    printf '%s %s %s\n' "${t##*/}" "$(tr ' ' '_' < "$t/comm")" "$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null)"
  done | sort; }
thread_cpu() { join <(echo "$1") <(echo "$2") | awk -v hz="$(getconf CLK_TCK)" '{g = $2; gsub(/[0-9]+/, "N", g);
    d[g] += ($5 - $3) / hz} END {for (k in d) if (d[k] >= 0.1) printf "%.1f %s\n", d[k], k}' | sort -rn | head -8 \
    | awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1} END {print ""}'; }

run() { # name script with_key
  say "$1: wrk ${DURATION}s offering $RATE/s over $CONNECTIONS connections, beside pgbench ($PGB_CLIENTS clients)"
  say "load average before:$(uptime | sed 's/.*load average://')"
  if [ "$PGB_CLIENTS" -gt 0 ]; then  # PGB_CLIENTS=0: the service alone, to see its latency without the baseline
    pgbench -n -c "$PGB_CLIENTS" -j 1 -T "$DURATION" -D with_key="$3" -f "$HERE/pgbench-intake.sql" $DB \
      > "$WORK/$1-pgbench.txt" 2>&1 &
  else
    echo "tps = 0 (pgbench not run)" > "$WORK/$1-pgbench.txt"; sleep 0 &
  fi
  local pg=$!
  # what PostgreSQL's backends wait on, sampled every second (profile of the database side)
  ( for _ in $(seq 1 "$DURATION"); do
      psql -d $DB -Atc "select coalesce(wait_event_type, 'CPU'), coalesce(wait_event, '-'), count(*)
        from pg_stat_activity where datname = '$DB' and state = 'active' and pid <> pg_backend_pid() group by 1, 2"
      sleep 1
    done ) > "$WORK/$1-waits.txt" 2>&1 &
  local sampler=$!
  # the disk under PostgreSQL's data and the kernel's dirty pages every 0.5 s, PostgreSQL's WAL and buffer-writing
  # counters every second: matched by stalls.py against the intake's slow batches (docs/2026-12-07-feedback-tail-2.md)
  ( end=$(( $(date +%s) + DURATION )); while [ "$(date +%s)" -lt "$end" ]; do
      awk -v dev="$DISK" -v t="$(date +%s.%N)" '$3 == dev {d = $8 " " $10 " " $11 " " $12 " " $14 " " $19 " " $20}
        /^Dirty:/ {dirty = $2} /^Writeback:/ {wb = $2} END {print t, d, dirty, wb, "x"}' /proc/diskstats /proc/meminfo
      sleep 0.5
    done ) > "$WORK/$1-io.txt" 2>&1 &
  local iosampler=$!
  ( for _ in $(seq 1 "$DURATION"); do
      psql -d postgres -Atc "select extract(epoch from clock_timestamp()), w.wal_fpi, w.wal_bytes, w.wal_write,
        w.wal_sync, w.wal_sync_time, w.wal_write_time, b.checkpoints_timed + b.checkpoints_req, b.buffers_checkpoint,
        b.buffers_clean, b.buffers_backend, b.buffers_backend_fsync, (select count(*) from pg_ls_waldir())
        from pg_stat_wal w, pg_stat_bgwriter b"
      sleep 1
    done ) > "$WORK/$1-pgio.txt" 2>&1 &
  local pgsampler=$!
  local cpu0 log0 thr0 wr0; cpu0=$(cpu_snapshot); log0=$(wc -l < "$WORK/app.log"); thr0=$(threads_of); wr0=$(written)
  /usr/bin/time -f "%U %S" -o "$WORK/$1-wrk-cpu.txt" env RUN_NAME=$1 \
    wrk -t$THREADS -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$HERE/$2" "http://127.0.0.1:$APP_PORT" > "$WORK/$1-wrk.txt"
  local cpu1 thr1 wr1; cpu1=$(cpu_snapshot); thr1=$(threads_of); wr1=$(written)
  wait $pg || { cat "$WORK/$1-pgbench.txt"; echo "pgbench failed: no comparison"; exit 1; }
  wait $sampler $iosampler $pgsampler || true
  # postgres includes the backends of pgbench and of the wait sampler; "all" is the whole machine (2 cores)
  echo "CPU seconds during the run: $(paste -d' ' <(echo "$cpu0" | tr ' ' '\n') <(echo "$cpu1" | tr ' ' '\n') \
    | awk 'NR % 2 == 1 {n = $1} NR % 2 == 0 {printf "%s %.1f, ", n, $2 - $1}')wrk $(awk '{print $1 + $2}' \
    "$WORK/$1-wrk-cpu.txt") (machine: $(nproc) x ${DURATION} s)"
  echo "  (\"all\" less the processes named is the rest: autovacuum workers and other processes that ended during the" \
    "run, and the kernel's own work; \"stolen\": time the VM's cores were runnable but the host ran something else)"
  echo "service CPU seconds by thread: $(thread_cpu "$thr0" "$thr1")"
  echo "MB sent to the disk by (write_bytes, the process that dirtied the pages): $(paste -d' ' \
    <(echo "$wr0" | tr ' ' '\n') <(echo "$wr1" | tr ' ' '\n') \
    | awk 'NR % 2 == 1 {n = $1} NR % 2 == 0 {printf "%s%s %.0f", (NR > 2 ? ", " : ""), n, ($2 - $1) / 1e6}')"
  echo "intake batches (per writer, 5 s windows):"
  tail -n +"$log0" "$WORK/app.log" | grep IntakeTimings | grep -v 'slow batch' \
    | sed -E 's/.*"message":"([^"]*)".*/  \1/' || true
  echo "the disk and PostgreSQL around the slow batches:"
  tail -n +"$log0" "$WORK/app.log" | grep 'slow batch' > "$WORK/$1-slow.txt" || true
  python3 "$HERE/stalls.py" "$WORK/$1-io.txt" "$WORK/$1-pgio.txt" "$WORK/$1-slow.txt" || true
  echo "cases waiting for the duplicate sweep: $(psql -d $DB -Atc "select count(*) from duplicate_check")"
  echo "database backends by wait (samples): $(awk -F'|' '{n[$1"/"$2]+=$3} END{for (k in n) printf "%s=%d ", k, n[k]}' "$WORK/$1-waits.txt")"
  grep -E 'ACHIEVED|ACCEPTED|REFUSED|LATE|P(50|90|99|99.9)_MS|Non-2xx|Socket errors' "$WORK/$1-wrk.txt" || true
  grep -E '^tps' "$WORK/$1-pgbench.txt"
  local ach tps
  ach=$(awk '/ACHIEVED_PER_S/{print $2}' "$WORK/$1-wrk.txt")
  tps=$(awk '/^tps/{print $3; exit}' "$WORK/$1-pgbench.txt")
  echo "$1: service $ach/s, pgbench $tps tps, ratio $(awk -v a="$ach" -v t="$tps" 'BEGIN{if (t > 0) printf "%.0f%%", 100*a/t; else print "-"}')"
}
# DOORS sets the order (the first measured door runs right after the warm-up and the analyze)
for door in ${DOORS:-citizen open311}; do
  case $door in
    citizen) run citizen citizen.lua 1 ;;
    open311) run open311 open311.lua 0 ;;
    *) echo "unknown door $door (citizen, open311)"; exit 2 ;;
  esac
done

say "every accepted submission stored, and its events published"
accepted=$(awk '/ACCEPTED/{s+=$2} END{print s}' "$WORK"/warmup*-wrk.txt "$WORK"/settle-wrk.txt "$WORK"/citizen-wrk.txt "$WORK"/open311-wrk.txt)
drain_start=$(date +%s)
for _ in $(seq 1 600); do
  pending=$(psql -d $DB -Atc "select count(*) from outbox_event where published_at is null")
  [ "$pending" = 0 ] && break; sleep 1
done
echo "outbox drained $(( $(date +%s) - drain_start )) s after the load stopped"
stored=$(psql -d $DB -Atc "select count(*) from feedback where channel in ('WEB', 'OPEN311') and content not like 'bench-pgb-%'")
published=$(psql -d $DB -Atc "select count(*) from outbox_event o join feedback f on o.aggregate_id = f.id::text
  where o.published_at is not null and o.topic = 'feedback.feedback-events.v1'")
cat "$WORK"/accepted-*.txt > "$WORK/accepted.txt"
psql -d $DB -qc "create table bench_accepted (code text)" -c "\\copy bench_accepted from '$WORK/accepted.txt'"
missing=$(psql -d $DB -Atc "select count(*) from bench_accepted a where not exists
  (select 1 from feedback f where f.tracking_code = a.code)")
unpublished=$(psql -d $DB -Atc "select count(*) from bench_accepted a join feedback f on f.tracking_code = a.code
  left join (select aggregate_id, count(*) as n from outbox_event where published_at is not null
             group by aggregate_id) o on o.aggregate_id = f.id::text where coalesce(o.n, 0) < 2")
echo "accepted (201 answers, warm-up included)  $accepted ($(wc -l < "$WORK/accepted.txt") ids written down)"
echo "accepted ids missing from the database    $missing"
echo "accepted ids without both events published $unpublished"
echo "stored cases from the load               $stored"
echo "events published for them                $published (expected 2 per case: received, assigned)"
echo "outbox rows still pending                $pending"
echo "end load average:$(uptime | sed 's/.*load average://')"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $(uname -sr)"
