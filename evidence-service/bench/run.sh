#!/usr/bin/env bash
# Upload/download throughput of evidence-service for 1 MB and 50 MB files, next to the raw disk write speed of the
# same disk (the one holding the store, target/), measured in the same run. Run it under the machine-wide lock:
#   flock /tmp/friendlygov-cpu.lock bash evidence-service/bench/run.sh
# Needs the same local PostgreSQL as the tests. Results: evidence-service/target/bench/summary.txt
#
# Like with like: the service forces every stored file to disk (FileChannel.force, i.e. fsync) before its record
# commits, so the raw-disk figures that the target is checked against are synced too:
#   dd 1 GiB   one 1 GiB file, bs=1M, conv=fdatasync (one flush at the end), 3 runs, median: the disk's sustained
#              synced sequential write speed -- THE baseline every figure is compared with (docs/2026-12-03-evidence-throughput.md)
# and, as context only (a per-request flush cost, not "the disk's write speed"):
#   dd 50 MB   10 files of 50 MB, bs=1M, conv=fsync on each (one flush per file, like the service)
#   dd 1 MB    100 writes of 1 MB, bs=1M, oflag=dsync (each write reaches the disk before the next, like the
#              service's one fsync per 1 MB file; one dd process, so no process start-up per file is counted)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=evidence-service/target/bench
mkdir -p "$out"

command -v curl > /dev/null || apt-get install -y curl   # the download client (see UploadThroughputBench)
load="$(cut -d' ' -f1-3 /proc/loadavg)"
mbps() { awk -v b="$1" -v ns="$2" 'BEGIN { printf "%.0f MB/s", b / (ns / 1e9) / 1e6 }'; }

# 1 GiB, flushed at the end, three times: the median is the baseline (the disk's sustained synced sequential write)
dd_runs=()
for i in 1 2 3; do
  dd_line=$(dd if=/dev/zero of="$out/dd.bin" bs=1M count=1024 conv=fdatasync 2>&1 | tail -1)
  rm -f "$out/dd.bin"
  dd_runs+=("$(echo "$dd_line" | awk -F', ' '{print $NF}')")
done
dd_1g=$(printf '%s\n' "${dd_runs[@]}" | awk '{v=$1; if ($2 ~ /^GB/) v*=1000; print v}' | sort -n | sed -n 2p)
dd_1g_all=$(printf '%s; ' "${dd_runs[@]}")

# 10 files of 50 MB, each fsynced
mkdir -p "$out/dd50"
t0=$(date +%s%N)
for i in $(seq 1 10); do dd if=/dev/zero of="$out/dd50/f$i" bs=1M count=50 conv=fsync status=none; done
t1=$(date +%s%N)
rm -rf "$out/dd50"
dd_50=$(mbps $((10 * 50 * 1048576)) $((t1 - t0)))

# 100 synchronous 1 MB writes
dd_line=$(dd if=/dev/zero of="$out/dd1.bin" bs=1M count=100 oflag=dsync 2>&1 | tail -1)
rm -f "$out/dd1.bin"
dd_1=$(echo "$dd_line" | awk -F', ' '{print $NF}')

# Profiling (not for the figures): BENCH_JFR=1 records a JFR profile of the test JVM (service and Java client) to
# $out/bench.jfr; BENCH_JVM adds JVM options to it (for perf: -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit);
# BENCH_ARGS adds Maven options, e.g. -Dbench.min-size=50000000 (one size only).
# The service's collector: the pods run -XX:+UseSerialGC (common's quarkus.jib.jvm-additional-arguments), so the
# benchmark does too; BENCH_GC=-XX:+UseG1GC (this machine's default) to compare.
gc="${BENCH_GC:--XX:+UseSerialGC}"
jvm="$gc ${BENCH_JVM:-}"
if [ "${BENCH_JFR:-0}" = 1 ]; then
  jvm="$jvm -XX:StartFlightRecording=filename=$PWD/$out/bench.jfr,settings=profile"
fi
./mvnw -B -q test -pl evidence-service -am -Dtest=UploadThroughputBench -DskipBigFile=true \
    -Dsurefire.failIfNoSpecifiedTests=false "-Dbench.jvm-args=$jvm" ${BENCH_ARGS:-} > "$out/mvn.log" 2>&1 \
    || { tail -50 "$out/mvn.log"; exit 1; }

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -r), $(java -version 2>&1 | head -1)"
  echo "load average at start: $load; at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "service JVM (the test JVM): -Xmx768m $jvm"
  echo "baseline: dd 1 GiB, bs=1M conv=fdatasync, median of 3: $dd_1g MB/s (runs: ${dd_1g_all%; })"
  echo "context only: dd 10 x 50 MB files, bs=1M conv=fsync each: $dd_50"
  echo "context only: dd 100 x 1 MB, bs=1M oflag=dsync: $dd_1"
  echo "context only, durable_1MB_files: 100 new 1 MB files written by the test JVM, each forced (and then renamed"
  echo "  into a directory that is forced), by 1 and 4 writers: the disk work of 100 durable 1 MB uploads, no HTTP/DB"
  cat evidence-service/target/bench/evidence.txt
} | tee "$out/summary.txt"
