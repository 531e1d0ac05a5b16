#!/usr/bin/env bash
# What the most-read block costs a page on a cache miss, and what a ranking costs. One node with the demo content
# (300 stories per edition) and the page cache off; views are posted to 40 English and 20 Russian stories (story k by
# 41 - k readers, each reader a loopback address of its own), then the script waits for the first ranking that lists
# them (at most 75 s: rankings fall on the minute) and renders, one request at a time (wrk -t1 -c1 --latency, after
# 8 s of warm-up): the home page, an article whose section has a list of five, and an article of another edition.
# A build without most read is measured the same way (the views are counted, no block is shown): run it with
# JAR=<that jar> to compare. The ranking's own time is read from the server's log (DEBUG of RankMostRead).
# Usage: bench/most-read.sh
#   env: DBS="h2 postgres" (default h2) DURATION=10s JAVA=java JAR=target/dateline.jar
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=18091
DBS=${DBS:-h2}
DURATION=${DURATION:-10s}
JAVA=${JAVA:-$JAVA17}
PG_DB=dateline_bench_most_read
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/dateline-bench-most-read.XXXXXX)
DL_PID=
cleanup() { stop_pid "$DL_PID"; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
export DATELINE_PAGE_CACHE_ENABLED=false

articles_of() { # articles_of EDITION N: the N newest story paths of the edition's home page
    curl -s "$BASE/$1/" | grep -o "href=\"/$1/[a-z0-9-]*/[0-9]\{8\}/[0-9][^\"]*\"" | sed 's/^href="//; s/"$//' \
        | awk '!seen[$0]++' | head -"$2" || true
}

view_all() { # view_all PATH...: story k of the list gets 41 - k readers
    local k=0 path id v
    for path in "$@"; do
        k=$((k + 1))
        id=$(basename "$path" | cut -d- -f1)
        for v in $(seq 1 $((41 - k))); do
            curl -s -o /dev/null --interface "127.0.$((k % 200)).$((v + 1))" -X POST -H 'Sec-Fetch-Site: same-origin' \
                "$BASE/api/views/$id"
        done
    done
}

measure() { # measure LABEL PATH
    local out="$WORK/wrk-$RANDOM.txt" blocks
    blocks=$(curl -s "$BASE$2" | grep -c 'id="most-read"' || true)
    wrk -t1 -c2 -d8s "$BASE$2" >/dev/null
    wrk -t1 -c1 -d"$DURATION" --latency "$BASE$2" >"$out"
    echo "| $1 | \`$2\` | $blocks | $(wrk_pct "$out" 50) | $(wrk_pct "$out" 90) | $(wrk_pct "$out" 99) | $(wrk_rps "$out") | $(wrk_errors "$out") |"
}

echo "## most-read $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
echo "- page cache off; wrk -t1 -c1 -d$DURATION --latency after 8 s of warm-up per page"

for db in $DBS; do
    echo
    echo "### $db"
    use_database "$db" "$PG_DB" || continue
    logfile="$WORK/dateline-$db.log"
    start_dateline "$JAVA" "$PORT" "$WORK/data-$db" "$logfile" --dateline.demo.per-edition=300 \
        --dateline.readership.views-per-address-per-minute=100000 \
        --logging.level.org.dateline.readership.internal.RankMostRead=DEBUG
    ms=$(wait_health "$PORT" "$DL_PID" 300) || { tail -50 "$logfile"; exit 1; }
    log "$db healthy after $ms ms (pid $DL_PID)"
    mapfile -t en < <(articles_of en 40)
    mapfile -t ru < <(articles_of ru 20)
    view_all "${en[@]}"
    view_all "${ru[@]}"
    log "views posted"
    for i in $(seq 1 75); do
        curl -s "$BASE/en/" | grep -q 'id="most-read"' && break
        sleep 1
    done
    section=$(echo "${en[0]}" | cut -d/ -f3)
    article=
    for path in "${en[@]}"; do # the fifth story of the first story's section: its list has five
        [ "$(echo "$path" | cut -d/ -f3)" = "$section" ] && article=$path
    done
    echo
    echo "| page | path | blocks | p50 ms | p90 ms | p99 ms | req/s | errors |"
    echo "|---|---|---:|---:|---:|---:|---:|---|"
    measure "home" /en/
    measure "article (section list)" "$article"
    measure "article (ru)" "${ru[5]}"
    echo
    echo "- rankings: $(grep -c 'Most read ranked' "$logfile" || true); the last: $(grep 'Most read ranked' "$logfile" | tail -1 | sed -E 's/.*Most read ranked/ranked/')"
    server_log "$logfile"
    stop_pid "$DL_PID"
    DL_PID=
    drop_database "$db" "$PG_DB"
done
unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME
