#!/usr/bin/env bash
# Two builds' search side by side on the data bench/search-vs-postgres.sh keeps (KEEP=1: 100,000 stories per edition
# on PostgreSQL): both jars run at once on the same database, each with its own copy of the index, and are asked
# the same rotations in turn (before, after) with wrk on one connection, page cache off. Run on a quiet machine.
# Usage: BEFORE=path/to/before.jar AFTER=path/to/after.jar bench/search-before-after.sh
#   env: DATA_DIR (the kept data dir, default /tmp/dateline-bench-search-pg-100000), PG_DB=dateline_bench_search,
#        WARMUP=40 (seconds of the mixed rotation per build before measuring), SECONDS_PER=15, PORT_BEFORE=18093,
#        PORT_AFTER=18094, JAVA=java
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${BEFORE:?the jar of the build before}" "${AFTER:?the jar of the build after}"
DATA=${DATA_DIR:-/tmp/dateline-bench-search-pg-100000}
PG_DB=${PG_DB:-dateline_bench_search}
WARMUP=${WARMUP:-40}
SECONDS_PER=${SECONDS_PER:-15}
PORT_BEFORE=${PORT_BEFORE:-18093}
PORT_AFTER=${PORT_AFTER:-18094}
JAVA=${JAVA:-$JAVA17}
[ -d "$DATA/a/search/articles" ] || { echo "no kept data in $DATA: run KEEP=1 bench/search-vs-postgres.sh first" >&2; exit 1; }
WORK=$(mktemp -d /tmp/dateline-search-ab.XXXXXX)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do stop_pid "$pid"; done; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
export DATELINE_PAGE_CACHE_ENABLED=false SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$PG_DB \
    SPRING_DATASOURCE_USERNAME=postgres

cat >"$WORK/rotation.lua" <<'LUA'
local paths = {}
local i = 0
init = function(args) for _, p in ipairs(args) do table.insert(paths, p) end end
request = function() i = (i % #paths) + 1; return wrk.format("GET", paths[i]) end
LUA
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))' "$1"; }
rotation() { # rotation EDITION WORDS...: the results pages of the words
    local edition=$1 q
    shift
    for q in "$@"; do printf '/%s/search?q=%s ' "$edition" "$(enc "$q")"; done
}
declare -A SETS
SETS["en, one word"]=$(rotation en budget ceasefire vaccine hockey refugee treaty stadium housing)
SETS["en, two words"]=$(rotation en "healthcare budget" "interest rate" "climate accord" "chess tournament")
SETS["en, phrase"]=$(rotation en '"healthcare budget"' '"key interest rate"' '"trade dispute"' '"housing reform"')
SETS["ru, one word"]=$(rotation ru бюджет договор беженцев вакцины)
SETS["ru, two words"]=$(rotation ru "бюджет здравоохранения" "ключевая ставка" "торговый спор" "жилищная реформа")
SETS["suggestions, en"]=$(for q in budget ceasefire vaccine hockey; do printf '/en/search/suggest?q=%s ' "$q"; done)
ORDER=("en, one word" "en, two words" "en, phrase" "ru, one word" "ru, two words" "suggestions, en")

echo "## search before/after $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
echo "- before: $BEFORE (built $(date -u -r "$BEFORE" +%Y-%m-%dT%H:%MZ)); after: $AFTER (built $(date -u -r "$AFTER" +%Y-%m-%dT%H:%MZ))"
echo "- $(psql -h 127.0.0.1 -U postgres -d "$PG_DB" -Atc "select count(*) from articles where state = 'LIVE'") live articles in $PG_DB; page cache off; wrk -t1 -c1 -d${SECONDS_PER}s --latency per build and rotation, the two builds in turn; ${WARMUP} s of every rotation first"
for build in before after; do
    mkdir -p "$WORK/$build"
    cp -r "$DATA/a/search" "$WORK/$build/search"
    rm -f "$WORK/$build"/search/*/write.lock
    port=$([ "$build" = before ] && echo "$PORT_BEFORE" || echo "$PORT_AFTER")
    JAR=$([ "$build" = before ] && echo "$BEFORE" || echo "$AFTER") start_dateline "$JAVA" "$port" "$WORK/$build" \
        "$WORK/$build.log"
    PIDS+=("$DL_PID")
    wait_health "$port" "$DL_PID" 300 >/dev/null
done
all=""
for set in "${ORDER[@]}"; do all="$all ${SETS[$set]}"; done
for port in "$PORT_BEFORE" "$PORT_AFTER"; do
    # shellcheck disable=SC2086
    wrk -t1 -c1 -d"${WARMUP}s" -s "$WORK/rotation.lua" "http://127.0.0.1:$port" -- $all >/dev/null
done
echo
echo "| rotation | build | p50 ms | p90 ms | p99 ms | req/s |"
echo "|---|---|---:|---:|---:|---:|"
for set in "${ORDER[@]}"; do
    for build in before after; do
        port=$([ "$build" = before ] && echo "$PORT_BEFORE" || echo "$PORT_AFTER")
        # shellcheck disable=SC2086
        out=$(wrk -t1 -c1 -d"${SECONDS_PER}s" --latency -s "$WORK/rotation.lua" "http://127.0.0.1:$port" -- ${SETS[$set]})
        ms() { echo "$out" | awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
            else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }; printf "%.2f", v }'; }
        echo "| $set | $build | $(ms 50%) | $(ms 90%) | $(ms 99%) | $(echo "$out" | awk '/Requests\/sec/ { print $2 }') |"
    done
done
echo
echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
