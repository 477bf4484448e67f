#!/usr/bin/env bash
# CI's small run of the UI benchmarks (docs/performance.md), so that they cannot rot; about 3 minutes.
#   1. memory per session: the portal in-process on H2, 20 signed-in sessions; fails unless all of them reach
#      their landing view signed in (the figure is printed, not asserted: 20 sessions are too few for it),
#   2. the Gatling simulation: 2 users for 20 s against the portal (development-mode classes) on a small MariaDB
#      schema of its own; fails on any failed request (Gatling's assertion).
# Needs MariaDB on 127.0.0.1:3306 (root, empty password) and Maven's network access to fetch Gatling once.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN="${MVN:-mvn -B}"

printf '\n== smoke: build\n'
$MVN -q -Pload test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt

printf '\n== smoke: memory per session, 20 sessions\n'
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.consilium.perf.SessionMemory \
  --sessions=20 --warmup=2 --require-signed-in

printf '\n== smoke: Gatling, 2 users, 20 s\n'
MVN="$MVN" USERS=2 DURATION=20 RAMP=2 WARMUP=0 BACKGROUND=0 PROPOSALS=6 BUILD=no PORTAL=classes \
  SCHEMA=consilium_load_smoke PORT=8089 OUT=target/load-smoke bench/ui-load.sh
