#!/usr/bin/env bash
# The UI load test (docs/performance.md, "UI latency under simulated users"):
#   1. builds the production jar and the load classes,
#   2. prepares a fresh MariaDB schema (UiLoadData: generated background, simulated users, proposals under review),
#   3. starts the portal (production jar, mysql profile) on it,
#   4. runs the Gatling simulation at each user count (a fresh list of open vote tasks before each run),
#   5. writes target/load/ui-latency.md (one table per run, with the CPU seconds the portal, MariaDB, Gatling and
#      everything else on the machine used during the run and the hypervisor's steal, then the run per 30 s: the
#      p95s next to the portal's CPU per request, from timeline-<users>.txt; MariaDB's row lock waits) and stops the
#      portal.
#
# Settings (environment): USERS="25 50 100" DURATION=120 RAMP=20 PORT=8081 SCHEMA=consilium_load
#   BACKGROUND=3000 PROPOSALS=250 HEAP=1g BUILD=yes (no: use the jar and classes already built) PREPARE=yes
#   PORTAL=extracted (the production jar extracted by Spring Boot's `-Djarmode=tools extract`, its libraries as plain
#   jars, as docker/Dockerfile runs it; or jar: the production jar itself; or classes: the development-mode classes,
#   no production build; the CI smoke run) OUT=target/load
#   MVN="mvn -B -o" WARMUP=(the largest of USERS: users of an unreported run first, so that the measured runs meet
#   a warm JIT; 0 for none) WARMUP_DURATION=90 (its seconds after the ramp) JFR=(empty, or a run's user count to
#   record a Flight Recording of that run into target/load/portal-<users>.jfr; that run gets a portal of its own)
#   PORTAL_ARGS= (more arguments of the portal, e.g. --spring.datasource.hikari.maximum-pool-size=20)
#   PORTAL_JVM= (more JVM options of the portal, e.g. -XX:+UseParallelGC; GC_LOG=yes adds a log of its collections,
#   $OUT/gc-<users>.log per portal, summed up in the report by bench/gc-pauses.py)
# MariaDB on 127.0.0.1:3306, root, empty password (as the MariaDB test suites).
set -euo pipefail
cd "$(dirname "$0")/.."

USERS="${USERS:-25 50 100}"
DURATION="${DURATION:-120}"
RAMP="${RAMP:-20}"
PORT="${PORT:-8081}"
SCHEMA="${SCHEMA:-consilium_load}"
BACKGROUND="${BACKGROUND:-3000}"
PROPOSALS="${PROPOSALS:-250}"
HEAP="${HEAP:-1g}"
BUILD="${BUILD:-yes}"
PREPARE="${PREPARE:-yes}"
JFR="${JFR:-}"
WARMUP="${WARMUP:-$(printf '%s\n' $USERS | sort -n | tail -1)}"
WARMUP_DURATION="${WARMUP_DURATION:-90}"
PORTAL="${PORTAL:-extracted}"
PORTAL_ARGS="${PORTAL_ARGS:-}"
PORTAL_JVM="${PORTAL_JVM:-}"
GC_LOG="${GC_LOG:-no}"
OUT="${OUT:-target/load}"
MVN="${MVN:-mvn -B -o}"
mkdir -p "$OUT"

log() { printf '\n== %s %s\n' "$(date -u +%H:%M:%S)" "$*"; }

if [ "$BUILD" = yes ]; then
  if [ "$PORTAL" != classes ]; then
    log "production jar"
    $MVN -q -Pproduction package -Dmaven.test.skip=true
    cp target/consilium-*.jar "$OUT/consilium.jar"
  fi
  log "test and load classes (back to the development-mode build for the tests)"
  $MVN -q -Pload test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
fi

if [ "$PREPARE" = yes ]; then
  log "preparing database $SCHEMA"
  java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" org.consilium.perf.UiLoadData \
    --schema="$SCHEMA" --background="$BACKGROUND" --proposals="$PROPOSALS" --out="$OUT" | tail -3
fi

if [ "$PORTAL" = extracted ] && { [ ! -f "$OUT/extracted/consilium.jar" ] || [ "$OUT/consilium.jar" -nt "$OUT/extracted/consilium.jar" ]; }; then
  log "extracting the production jar into $OUT/extracted"
  rm -rf "$OUT/extracted"
  java -Djarmode=tools -jar "$OUT/consilium.jar" extract --destination "$OUT/extracted" > /dev/null
fi

PORTAL_PID=
TIMELINE_PID=
stop_portal() {
  if [ -n "$TIMELINE_PID" ]; then kill "$TIMELINE_PID" 2>/dev/null || true; fi
  if [ -n "$PORTAL_PID" ] && kill -0 "$PORTAL_PID" 2>/dev/null; then
    kill "$PORTAL_PID"
    wait "$PORTAL_PID" 2>/dev/null || true
  fi
  PORTAL_PID=
}
trap stop_portal EXIT

GC_FILE=
start_portal() { # $1: extra JVM options, $2: the user count the GC log is named after
  local jvm="$1 $PORTAL_JVM"
  if [ "$GC_LOG" = yes ]; then
    GC_FILE="$OUT/gc-$2.log"
    jvm="$jvm -Xlog:gc:file=$GC_FILE:time,uptime"
  fi
  log "starting the portal on port $PORT ($jvm $PORTAL_ARGS)"
  local main=(-jar "$OUT/consilium.jar")
  if [ "$PORTAL" = extracted ]; then
    main=(-jar "$OUT/extracted/consilium.jar")
  fi
  if [ "$PORTAL" = classes ]; then
    main=(-cp "target/classes:$(cat target/cp.txt)" org.consilium.ConsiliumApplication --vaadin.devmode.devTools.enabled=false)
  fi
  # shellcheck disable=SC2086
  java -Xmx"$HEAP" $jvm "${main[@]}" --spring.profiles.active=mysql --server.port="$PORT" \
    "--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/$SCHEMA?nullDatabaseMeansCurrent=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&characterEncoding=UTF-8" \
    --spring.datasource.username=root --spring.datasource.password= \
    --server.servlet.session.cookie.secure=false --consilium.attachments.directory="$OUT/attachments" \
    --logging.file.name="$OUT/portal.log" --logging.threshold.console=WARN $PORTAL_ARGS > "$OUT/portal.out" 2>&1 &
  PORTAL_PID=$!
  for _ in $(seq 1 120); do
    curl -fs -o /dev/null "http://localhost:$PORT/login" && return 0
    kill -0 "$PORTAL_PID" 2>/dev/null || { tail -30 "$OUT/portal.out"; return 1; }
    sleep 1
  done
  echo "the portal did not start"; return 1
}

vote_tasks() {
  mariadb --host=127.0.0.1 --user=root "$SCHEMA" -B < bench/vote-tasks.sql | tr '\t' ',' > "$OUT/tasks.csv"
  echo "$(($(wc -l < "$OUT/tasks.csv") - 1)) open vote tasks"
}

: > "$OUT/ui-latency.md"
failed=0
gatling() { # users duration
  $MVN -q -Pload gatling:test -Dload.users="$1" -Dload.duration="$2" -Dload.ramp="$RAMP" \
    -Dload.baseUrl="http://localhost:$PORT" -Dload.dir="$PWD/$OUT" > "$OUT/gatling-$1.log" 2>&1
}

# CPU seconds (user + system) so far: of a process (/proc/<pid>/stat), of the whole machine (/proc/stat, all but
# idle and iowait), and of this shell's finished children (bash's `times`: Maven and the Gatling JVM it forked).
TICKS="$(getconf CLK_TCK)"
cpu_of() { [ -n "$1" ] && [ -r "/proc/$1/stat" ] && awk -v t="$TICKS" '{sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / t}' "/proc/$1/stat" || echo 0; }
cpu_all() { awk -v t="$TICKS" '/^cpu / {printf "%.1f", ($2 + $3 + $4 + $7 + $8 + $9) / t}' /proc/stat; }
# what the hypervisor took from this VM's cores (/proc/stat's steal): time the cores could not run at all
cpu_steal() { awk -v t="$TICKS" '/^cpu / {printf "%.1f", $9 / t}' /proc/stat; }
# `times` must run in this shell (a subshell starts from zero): cpu_snapshot's caller writes it to $OUT/times.txt.
cpu_children() { tail -1 "$OUT/times.txt" | awk '{ split($1, u, "m"); split($2, s, "m"); printf "%.1f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }'; }
cpu_snapshot() { echo "$(cpu_of "$PORTAL_PID") $(cpu_of "$(pidof mariadbd mysqld | cut -d' ' -f1)") $(cpu_children) $(cpu_all) $(date +%s.%N) $(cpu_steal)"; }
# Every 2 s of a run: epoch seconds, then the CPU seconds so far of the portal and MariaDB, and the machine's steal
# (bench/gatling-windows.py --timeline puts them next to the latency, per window of the run).
timeline() { # file
  local mariadb; mariadb="$(pidof mariadbd mysqld | cut -d' ' -f1)"
  while true; do
    echo "$(date +%s.%N) $(cpu_of "$PORTAL_PID") $(cpu_of "$mariadb") $(cpu_steal)" >> "$1"
    sleep 2
  done
}
# MariaDB's row lock waits so far, the whole server's: "<waits> <ms waited>" (empty without a mysql client). The
# fifteenth session found the audit chain's head the one row that audited transactions queue for.
row_locks() {
  command -v mysql > /dev/null || return 0
  mysql -h127.0.0.1 -uroot -N -B -e "SHOW GLOBAL STATUS LIKE 'Innodb_row_lock_%'" 2>/dev/null \
    | awk '$1 == "Innodb_row_lock_waits" {w = $2} $1 == "Innodb_row_lock_time" {t = $2} END {if (w != "") print w, t}' || true
}
row_lock_line() { # before after
  [ -n "$1" ] && [ -n "$2" ] || return 0
  read -r w0 t0 <<< "$1"; read -r w1 t1 <<< "$2"
  awk -v w=$((w1 - w0)) -v t=$((t1 - t0)) 'BEGIN { printf "\nRow lock waits at MariaDB during the run (the whole server): %d, %d ms in all", w, t
    if (w > 0) printf " (%.0f ms each on average)", t / w; print "." }'
}
cpu_table() { # before after
  read -r p0 m0 g0 a0 t0 s0 <<< "$1"; read -r p1 m1 g1 a1 t1 s1 <<< "$2"
  awk -v p="$p1" -v p0="$p0" -v m="$m1" -v m0="$m0" -v g="$g1" -v g0="$g0" -v a="$a1" -v a0="$a0" -v w="$t1" \
      -v w0="$t0" -v s="$s1" -v s0="$s0" -v n="$(nproc)" 'BEGIN { p -= p0; m -= m0; g -= g0; a -= a0; w -= w0; s -= s0
    printf "\nCPU during the run (%.0f s of wall time, %d cores = %.0f CPU s available):\n\n", w, n, w * n
    print "| process | CPU s | share of the cores |"; print "|---|---:|---:|"
    printf "| portal (JVM) | %.1f | %.0f %% |\n", p, 100 * p / (w * n)
    printf "| MariaDB | %.1f | %.0f %% |\n", m, 100 * m / (w * n)
    printf "| Gatling (Maven + its JVM) | %.1f | %.0f %% |\n", g, 100 * g / (w * n)
    printf "| everything else (other jobs on the machine) | %.1f | %.0f %% |\n", a - p - m - g, 100 * (a - p - m - g) / (w * n)
    printf "| whole machine | %.1f | %.0f %% |\n", a, 100 * a / (w * n)
    printf "| of which stolen by the hypervisor (steal) | %.1f | %.0f %% |\n", s, 100 * s / (w * n) }'
}
for n in $USERS; do
  if [ "$n" = "$JFR" ]; then
    stop_portal
    start_portal "-XX:StartFlightRecording=filename=$OUT/portal-$n.jfr,settings=profile" "$n"
  elif [ -z "$PORTAL_PID" ]; then
    start_portal "" "$n"
  fi
  if [ "$WARMUP" != 0 ] && [ -z "${WARM:-}" ]; then
    vote_tasks
    log "warm-up: $WARMUP users, $WARMUP_DURATION s (not reported)"
    gatling "$WARMUP" "$WARMUP_DURATION" || echo "the warm-up reported failed requests (see $OUT/gatling-$WARMUP.log)"
    WARM=yes
  fi
  vote_tasks
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  log "Gatling, $n users, ramp $RAMP s, $DURATION s (load average: $load)"
  status=0
  rm -f "$OUT/reply-bytes-$n.md"
  rm -f "$OUT/timeline-$n.txt"
  timeline "$OUT/timeline-$n.txt" & TIMELINE_PID=$!
  times > "$OUT/times.txt"; before="$(cpu_snapshot)"; locks_before="$(row_locks)"
  gatling "$n" "$DURATION" || status=$?
  times > "$OUT/times.txt"; after="$(cpu_snapshot)"; locks_after="$(row_locks)"
  kill "$TIMELINE_PID" 2>/dev/null || true; wait "$TIMELINE_PID" 2>/dev/null || true; TIMELINE_PID=
  run=$(ls -td target/gatling/uiloadsimulation-* | head -1)
  { echo; echo "### $n users (load average before the run: $load; after: $(cut -d' ' -f1-3 /proc/loadavg))"
    python3 bench/gatling-table.py "$run"; cpu_table "$before" "$after"
    row_lock_line "$locks_before" "$locks_after"; cat "$OUT/reply-bytes-$n.md" 2>/dev/null
    echo; python3 bench/gatling-windows.py "$run" 30 --timeline="$OUT/timeline-$n.txt" || true
    if [ -n "$GC_FILE" ]; then python3 bench/gc-pauses.py "$GC_FILE" "$OUT/timeline-$n.txt" || true; fi; } \
    | tee -a "$OUT/ui-latency.md"
  if [ "$status" != 0 ]; then
    echo "Gatling reported failed requests (see $OUT/gatling-$n.log)"
    failed=1
  fi
  if [ "$n" = "$JFR" ]; then
    stop_portal
    WARM=
  fi
done
stop_portal
log "tables in $OUT/ui-latency.md"
exit "$failed"
