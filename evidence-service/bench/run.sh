#!/usr/bin/env bash
# Upload/download throughput of evidence-service for 1 MB and 50 MB files, next to the raw disk write speed of the
# same disk, measured in the same run. Needs the same local PostgreSQL as the tests (PGHOST etc.).
# Usage: evidence-service/bench/run.sh   (from anywhere; results also in evidence-service/target/bench/)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=evidence-service/target/bench
mkdir -p "$out"

# Raw sequential write of 1 GiB to the disk that holds the store (target/), flushed to the device.
dd_line=$(dd if=/dev/zero of="$out/dd.bin" bs=1M count=1024 conv=fdatasync 2>&1 | tail -1)
rm -f "$out/dd.bin"
dd_mbps=$(echo "$dd_line" | awk -F', ' '{print $NF}')

./mvnw -B -q -o test -pl evidence-service -Dtest=UploadThroughputBench -DskipBigFile=true \
    -Dsurefire.failIfNoSpecifiedTests=false > "$out/mvn.log" 2>&1 || { tail -50 "$out/mvn.log"; exit 1; }

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -r)"
  echo "dd 1 GiB, conv=fdatasync: $dd_mbps"
  cat evidence-service/target/bench/evidence.txt
} | tee "$out/summary.txt"
