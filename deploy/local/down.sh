#!/usr/bin/env bash
# Stops the services and the Kafka broker started by up.sh. PostgreSQL is the machine's and keeps running.
#   deploy/local/down.sh          stop (data stays for the next up.sh)
#   deploy/local/down.sh --purge  stop and delete Kafka's data and the services' local files (databases stay)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stop() { # NAME
  if running "$1"; then
    local pid
    pid=$(cat "$RUN/$1.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    say "stopped $1"
  fi
  rm -f "$RUN/$1.pid"
}

for svc in "${SERVICES[@]}"; do stop "$svc"; done
stop kafka
if [ "${1:-}" = "--purge" ]; then
  rm -rf "$LOCAL/kafka/data" "$LOCAL/data"
  say "deleted Kafka data and local service files"
fi
