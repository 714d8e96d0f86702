#!/usr/bin/env bash
# Runs the notification-service benchmark against the real in-JVM Kafka broker and a fresh PostgreSQL database (the
# test infrastructure), and prints the numbers (also appended to target/bench-results.txt). Not part of the test
# suite: surefire excludes *Benchmark.java unless named with -Dtest.
set -euo pipefail
cd "$(dirname "$0")/../.."
rm -f notification-service/target/bench-results.txt
./mvnw -B -q test -pl notification-service -am -Dtest=NotificationBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
echo "--- results (machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB) ---"
cat notification-service/target/bench-results.txt
