#!/usr/bin/env bash
# Measures the local stack (after the first build): time from up.sh to all four services ready, each service's own
# start time (Quarkus' "started in"), and each one's resident memory at idle — next to a baseline measured in the
# same run: an idle JVM with the same heap flags. Prints a Markdown table for the README.
#   deploy/local/measure.sh [idle-seconds (default 30)]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
IDLE=${1:-30}

"$ROOT/deploy/local/down.sh" >/dev/null
# the build must not be part of the measurement
for svc in "${SERVICES[@]}"; do
  [ -f "$ROOT/$svc-service/target/quarkus-app/quarkus-run.jar" ] || die "build first (deploy/local/up.sh builds)"
done

t0=$(date +%s%N)
"$ROOT/deploy/local/up.sh" >"$LOGS/measure-up.log" 2>&1 || die "up.sh failed (see $LOGS/measure-up.log)"
t1=$(date +%s%N)
up_ms=$(( (t1 - t0) / 1000000 ))
ready_line=$(grep -o 'Everything is up ([0-9]* ms to all four ready; services alone [0-9]* ms)' "$LOGS/measure-up.log" || true)

# baseline: an idle JVM with the services' heap flags
bt0=$(date +%s%N)
java -Xms64m -Xmx384m "$ROOT/deploy/local/Idle.java" >"$LOGS/idle-jvm.log" 2>&1 &
bpid=$!
for _ in $(seq 1 100); do grep -q started "$LOGS/idle-jvm.log" 2>/dev/null && break; sleep 0.1; done
bt1=$(date +%s%N)

echo "idling ${IDLE}s before reading resident memory" >&2
sleep "$IDLE"
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
base_rss=$(rss_kb "$bpid")
kill "$bpid" 2>/dev/null || true

machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -n 1), $(uname -sr)"
echo
echo "Measured $(date -u +%Y-%m-%d) on: $machine"
echo
echo "- up.sh to all four ready (stack down, services built, PostgreSQL running): **${up_ms} ms** in all, ${ready_line#Everything is up }"
echo "- baseline: an idle JVM (same -Xms64m -Xmx384m, single-file source launch, includes compiling it) started in $(( (bt1 - bt0) / 1000000 )) ms, resident ${base_rss} KiB"
echo
echo "| service | started in (Quarkus) | resident memory at idle (${IDLE}s after ready) | × idle JVM |"
echo "|---|---|---|---|"
for svc in "${SERVICES[@]}"; do
  started=$(grep -o 'started in [0-9.]*s' "$LOGS/$svc-service.log" | tail -n 1 | awk '{print $3}')
  rss=$(rss_kb "$(cat "$RUN/$svc.pid")")
  ratio=$(awk -v a="$rss" -v b="$base_rss" 'BEGIN {printf "%.1f", a/b}')
  echo "| $svc-service | $started | $(( rss / 1024 )) MiB | $ratio |"
done
