#!/usr/bin/env bash
# The full render of the seed article (page cache off: Spring Security, MVC, the controller's queries, the related and
# most-read blocks, the templates, on every request) under load, two builds side by side on the same demo content:
# each jar starts on a copy of one data folder, both are warmed in turn, then asked in turn (before, after, before,
# after) with wrk -t2 -c50 --latency, English and Russian editions of the seed story. Each row also gives the server's
# CPU per request (its CPU time over the run / requests answered), steadier than req/s on a shared machine, and its GC
# time per 1,000 requests. With PROFILE=1 a JFR profile of each build follows, sorted by part of the request
# (bench/render-profile.py).
# Usage: BEFORE=before.jar AFTER=after.jar bench/render-before-after.sh
#   env: PER_EDITION=150 (demo stories per edition), DURATION=20s, WARMUP=3 (warm-up runs of 20 s per build and
#        page), ROUNDS=2, PROFILE=0, PORT_BEFORE=18087, PORT_AFTER=18088; JAVA=java
# Build a jar of another commit with: git worktree add /tmp/before <commit> && (cd /tmp/before && ./mvnw -q package -DskipTests)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${BEFORE:?the jar of the build before}" "${AFTER:?the jar of the build after}"
PER_EDITION=${PER_EDITION:-150}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-3}
ROUNDS=${ROUNDS:-2}
PROFILE=${PROFILE:-0}
JAVA=${JAVA:-$JAVA17}
PORT_BEFORE=${PORT_BEFORE:-18087}
PORT_AFTER=${PORT_AFTER:-18088}
before_after_work render
export DATELINE_PAGE_CACHE_ENABLED=false
JAVA_OPTS="${JAVA_OPTS:-} -XX:FlightRecorderOptions:stackdepth=256"
EN=$SEED_PATH
RU=/ru/russia/20070222/2-rossiya-i-ssha-namereny-ukreplyat-sotrudnichestvo

echo "## render-before-after $(date -u +%FT%TZ)"
JAR=$AFTER
machine_note
echo "- before: $BEFORE; after: $AFTER"
echo "- page cache off; wrk -t2 -c50 -d$DURATION --latency after $WARMUP warm-up runs of 20 s per build and page;" \
    "$ROUNDS rounds, the builds in turn"

start_before_after "$JAVA" "$PER_EDITION" "$WORK" "$PORT_BEFORE" "$PORT_AFTER"

# The same page from both builds: bytes and headers (the date apart).
for page in "$EN" "$RU"; do
    for build in before after; do
        port=$([ "$build" = before ] && echo "$PORT_BEFORE" || echo "$PORT_AFTER")
        curl -s -D "$WORK/$build.head" -o "$WORK/$build.body" "http://127.0.0.1:$port$page"
        sed -i 's/localhost:[0-9]*/localhost:PORT/g' "$WORK/$build.body"
        # The JSON-LD's objects list their keys in an order each JVM draws anew (Map.of): compared as JSON.
        python3 -c 'import json, re, sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
f = lambda m: m.group(1) + json.dumps(json.loads(m.group(2)), sort_keys=True, ensure_ascii=False) + m.group(3)
open(p, "w", encoding="utf-8").write(re.sub(r"(<script type=\"application/ld\+json\">)(.*?)(</script>)", f, s, flags=re.S))' \
            "$WORK/$build.body"
        grep -v -i '^date:' "$WORK/$build.head" > "$WORK/$build.head2"
    done
    head -1 "$WORK/after.head" | grep -q ' 200' || { echo "$page does not answer 200" >&2; exit 1; }
    if cmp -s "$WORK/before.body" "$WORK/after.body" && cmp -s "$WORK/before.head2" "$WORK/after.head2"; then
        echo "- $page: the same bytes ($(wc -c < "$WORK/after.body")) and headers from both builds"
    else
        echo "- $page: **the builds answer differently**"
        diff "$WORK/before.head2" "$WORK/after.head2" | head -10 || true
        diff <(tr '>' '\n' < "$WORK/before.body") <(tr '>' '\n' < "$WORK/after.body") | head -20 || true
    fi
done

log "warming up"
for i in $(seq 1 "$WARMUP"); do
    for port in "$PORT_BEFORE" "$PORT_AFTER"; do
        for page in "$EN" "$RU"; do
            wrk -t2 -c50 -d20s "http://127.0.0.1:$port$page" > /dev/null
        done
    done
done

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
gc_seconds() { jstat -gcutil "$1" | awk 'NR == 2 { print $NF }'; }
echo
echo "| round | build | page | req/s | p50 ms | p90 ms | p99 ms | server CPU ms per request | GC ms per 1,000 requests | errors |"
echo "|---:|---|---|---:|---:|---:|---:|---:|---:|---|"
hz=$(getconf CLK_TCK)
for round in $(seq 1 "$ROUNDS"); do
    for build in before after; do
        port=$([ "$build" = before ] && echo "$PORT_BEFORE" || echo "$PORT_AFTER")
        pid=$([ "$build" = before ] && echo "$B_PID" || echo "$A_PID")
        for page in "$EN" "$RU"; do
            t0=$(cpu_ticks "$pid"); g0=$(gc_seconds "$pid")
            wrk -t2 -c50 -d"$DURATION" --latency "http://127.0.0.1:$port$page" > "$WORK/wrk.txt"
            t1=$(cpu_ticks "$pid"); g1=$(gc_seconds "$pid")
            n=$(awk '/requests in/ { print $1 }' "$WORK/wrk.txt")
            name=$([ "$page" = "$EN" ] && echo "seed article, English" || echo "seed article, Russian")
            cpu=$(awk -v t=$((t1 - t0)) -v hz="$hz" -v n="$n" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')
            gc=$(awk -v a="$g0" -v b="$g1" -v n="$n" 'BEGIN { printf "%.1f", (b - a) * 1000 * 1000 / n }')
            echo "| $round | $build | $name | $(wrk_rps "$WORK/wrk.txt") | $(wrk_pct "$WORK/wrk.txt" 50) |" \
                "$(wrk_pct "$WORK/wrk.txt" 90) | $(wrk_pct "$WORK/wrk.txt" 99) | $cpu | $gc | $(wrk_errors "$WORK/wrk.txt") |"
        done
    done
done

if [ "$PROFILE" = 1 ]; then
    # A finer sampling period than the profile setting's 10 ms: more samples in the same time.
    sed 's#<setting name="period" control="method-sampling-java-interval">[0-9]* ms</setting>#<setting name="period">1 ms</setting>#' \
        "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" > "$WORK/fast.jfc"
    for build in before after; do
        port=$([ "$build" = before ] && echo "$PORT_BEFORE" || echo "$PORT_AFTER")
        pid=$([ "$build" = before ] && echo "$B_PID" || echo "$A_PID")
        jcmd "$pid" JFR.start name=render settings="$WORK/fast.jfc" filename="$WORK/$build.jfr" > /dev/null
        wrk -t2 -c50 -d"$DURATION" "http://127.0.0.1:$port$EN" > /dev/null
        jcmd "$pid" JFR.stop name=render > /dev/null
        jfr print --stack-depth 120 --events jdk.ExecutionSample "$WORK/$build.jfr" \
            | python3 "$BENCH_DIR/render-profile.py" "$build, English seed article"
    done
fi
echo
echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
server_log "$WORK/before.log"
server_log "$WORK/after.log"
