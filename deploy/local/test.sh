#!/usr/bin/env bash
# Runs every test of the project: makes sure PostgreSQL answers (starting or installing it), then the Maven build.
# Kafka needs nothing: the tests start a real broker inside the test JVM. Extra arguments go to Maven.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_java
"$ROOT/deploy/local/ensure-postgres.sh"
cd "$ROOT"
exec ./mvnw -B -ntp verify "$@"
