#!/usr/bin/env bash
# Startup time and memory on Java 17 and Java 25, alternating: launch to /actuator/health UP on a fresh data dir
# (first start: schema and demo content), then a second start on the same data dir; RSS right after health UP and
# after 1,000 requests of assorted pages (page cache on, so most of them fill it).
# Usage: bench/startup.sh   (env: RUNS=3 JAVA17=java JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/pages.sh"

PORT=18080
RUNS=${RUNS:-3}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/dateline-bench-startup.XXXXXX)
DL_PID=
cleanup() { stop_pid "$DL_PID"; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

# A curl config with 1,000 requests over assorted pages: every article in the sitemaps, editions, sections, tags,
# authors, newsfeed pages and items, feeds, sitemaps; repeated until 1,000.
make_requests() {
    local list="$WORK/urls.txt"
    site_paths "$BASE" >"$list"
    local n
    n=$(wc -l <"$list")
    : >"$WORK/requests.curl"
    local i=0
    while [ "$i" -lt 1000 ]; do
        while read -r p && [ "$i" -lt 1000 ]; do
            printf 'url = "%s%s"\noutput = "/dev/null"\n' "$BASE" "$p" >>"$WORK/requests.curl"
            i=$((i + 1))
        done <"$list"
    done
    echo "$n"
}

# one_run JAVA LABEL RUN [cds]: prints table rows for the first and the second start; with "cds", started as
# ./dateline starts it (target/app with the class-data-sharing archive that ./mvnw package recorded)
one_run() {
    local java=$1 label=$2 run=$3 data ms rss rss2 codes start
    local DL_LAUNCH=
    if [ "${4:-}" = cds ]; then
        DL_LAUNCH="-XX:SharedArchiveFile=$ROOT_DIR/target/app/dateline.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -jar $ROOT_DIR/target/app/dateline.jar"
    fi
    data="$WORK/data-$label-$run"
    for start in first second; do
        start_dateline "$java" "$PORT" "$data" "$WORK/$label-$run-$start.log"
        ms=$(wait_health "$PORT" "$DL_PID" 180) || { tail -50 "$WORK/$label-$run-$start.log" >&2; exit 1; }
        rss=$(rss_kb "$DL_PID")
        if [ ! -f "$WORK/requests.curl" ]; then
            DISTINCT=$(make_requests)
            log "request list: 1,000 requests over $DISTINCT distinct pages"
        fi
        codes=$(curl -s -K "$WORK/requests.curl" -w '%{http_code}\n' | sort | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')
        rss2=$(rss_kb "$DL_PID")
        local app
        app=$(grep -o 'Started DatelineApplication in [0-9.]* seconds' "$WORK/$label-$run-$start.log" | grep -o '[0-9.]*' | head -1 || true)
        local demo
        demo=$(grep -o 'Loaded [0-9]* demo articles in [0-9]* ms' "$WORK/$label-$run-$start.log" | awk '{ print $6 }' || true)
        echo "| $label | $run | $start | $(awk -v m="$ms" 'BEGIN { printf "%.2f", m / 1000 }') | ${app:--} | ${demo:--} | $(kb_to_mb "$rss") | $(kb_to_mb "$rss2") | $codes|"
        stop_pid "$DL_PID"; DL_PID=
    done
}

echo "## startup $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
echo "- default JVM flags (heap: 1/4 of RAM), JAVA_OPTS='${JAVA_OPTS:-}'"
echo
echo "| java | run | start | launch → health UP s | Spring 'Started in' s | demo load ms | RSS after start MB | RSS after 1,000 requests MB | statuses |"
echo "|---|---|---|---:|---:|---:|---:|---:|---|"
for run in $(seq 1 "$RUNS"); do
    one_run "$JAVA17" "java17" "$run"
    if [ -f "$ROOT_DIR/target/app/dateline.jsa" ]; then one_run "$JAVA17" "java17+cds" "$run" cds; fi
    if [ -x "$JAVA25" ]; then one_run "$JAVA25" "java25" "$run"; fi
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
