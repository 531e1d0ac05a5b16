#!/usr/bin/env bash
# Soak: one node under mixed load for DURATION_S (default 30 minutes), started as ./dateline starts it (the extracted
# jar with its class-data-sharing archive when `./mvnw package` made them), embedded H2, demo content:
# - 1,000 open newsfeed streams and a publish through the admin API every GAP_S, each publish checked at every stream
#   (bench/NewsfeedFanout.java);
# - chat: 200 sockets of logged-in readers in 20 article rooms, 20 posts a second (bench/ChatFanout.java);
# - pages: wrk over every page of the site (homes, sections, articles, tags, authors, feeds, sitemaps; every fifth
#   request with a campaign parameter), 8 connections, each pausing 10 ms between requests;
# - the server's RSS every minute.
# Passes when the RSS at the end is within 10 % of the RSS after the first five minutes, every publish reached every
# stream, every chat post was delivered, and neither wrk nor the server's log saw an error.
# Usage: bench/soak.sh   (env: DURATION_S=1800 GAP_S=20 STREAMS=1000 JAVA_OPTS=…)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/readers.sh"
source "$(dirname "$0")/pages.sh"

PORT=18080
BASE="http://127.0.0.1:$PORT"
DURATION_S=${DURATION_S:-1800}
GAP_S=${GAP_S:-20}
STREAMS=${STREAMS:-1000}
POSTERS=50
WORK=$(mktemp -d /tmp/dateline-bench-soak.XXXXXX)
DL_PID=
SAMPLER_PID=
cleanup() { [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null; stop_pid "$DL_PID"; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
ulimit -n "$(ulimit -Hn)"

if [ -f "$ROOT_DIR/target/app/dateline.jsa" ]; then
    DL_LAUNCH="-XX:SharedArchiveFile=$ROOT_DIR/target/app/dateline.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -jar $ROOT_DIR/target/app/dateline.jar"
fi

echo "## soak $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
echo "- $DURATION_S s; $STREAMS newsfeed streams, a publish every $GAP_S s; chat 200 sockets, 20 rooms, 20 posts/s from $POSTERS readers; wrk -t1 -c8 with 10 ms pauses over every page; embedded H2, java 17, JAVA_OPTS='${JAVA_OPTS:-}', $( [ -n "${DL_LAUNCH:-}" ] && echo "with the class-data-sharing archive" || echo "plain -jar")"

javac -d "$WORK/classes" "$BENCH_DIR/NewsfeedFanout.java" "$BENCH_DIR/ChatFanout.java"
data="$WORK/data"
start_dateline "$JAVA17" "$PORT" "$data" "$WORK/first-start.log"
wait_health "$PORT" "$DL_PID" 300 >/dev/null || { tail -50 "$WORK/first-start.log"; exit 1; }
stop_pid "$DL_PID"
DL_PID=
prepare_readers h2 "$data" "$POSTERS"
logfile="$WORK/dateline.log"
start_dateline "$JAVA17" "$PORT" "$data" "$logfile" --dateline.chats.rate.messages-per-minute=100 \
    --dateline.chats.rate.messages-per-address-per-minute=10000
ms=$(wait_health "$PORT" "$DL_PID" 300) || { tail -50 "$logfile"; exit 1; }
echo "- healthy after $ms ms; RSS then $(kb_to_mb "$(rss_kb "$DL_PID")") MB"

site_paths "$BASE" | awk '{ print } NR % 4 == 0 { print $0 (index($0, "?") ? "&" : "?") "utm_source=soak&fbclid=x" NR }' \
    >"$WORK/paths.txt"
cat >"$WORK/pages.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("SOAK_PATHS")) do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
    i = i % #paths + 1
    return wrk.format("GET", paths[i])
end
delay = function() return 10 end
LUA

# The RSS every minute from now, until killed.
(
    minute=0
    while kill -0 "$DL_PID" 2>/dev/null; do
        echo "$minute $(rss_kb "$DL_PID") $(awk '/^Threads:/ { print $2 }' "/proc/$DL_PID/status")"
        sleep 60
        minute=$((minute + 1))
    done
) >"$WORK/rss.txt" &
SAMPLER_PID=$!

SOAK_PATHS="$WORK/paths.txt" wrk -t1 -c8 -d"${DURATION_S}s" --latency -s "$WORK/pages.lua" "$BASE" >"$WORK/wrk.txt" 2>&1 &
WRK_PID=$!
"$JAVA17" -Xmx512m -cp "$WORK/classes" -Dchat.connections=200 -Dchat.rooms=20 -Dchat.rate=20 \
    -Dchat.seconds="$DURATION_S" -Dchat.posters="$POSTERS" -Dchat.warmupS=0 -Dchat.threadDumpAtS=-1 \
    ChatFanout "$BASE" "$WORK/accounts.txt" "$WORK/articles.txt" "$DL_PID" >"$WORK/chat.txt" 2>&1 &
CHAT_PID=$!
"$JAVA17" -Xmx512m -cp "$WORK/classes" -Dfanout.publishes=$((DURATION_S / GAP_S - 2)) -Dfanout.gapMs=$((GAP_S * 1000 - 1000)) \
    -Dfanout.waitMs=10000 NewsfeedFanout "$BASE" "$STREAMS" "$ADMIN_TOKEN" "$DL_PID" >"$WORK/newsfeed.txt" 2>&1 || true
wait "$WRK_PID" || true
wait "$CHAT_PID" || true
rss_end=$(rss_kb "$DL_PID")
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=

echo
echo "| minute | RSS MB | threads |"
echo "|---:|---:|---:|"
awk '{ printf "| %d | %.0f | %d |\n", $1, $2 / 1024, $3 }' "$WORK/rss.txt"
echo "| end | $(kb_to_mb "$rss_end") | |"
rss5=$(awk '$1 == 5 { print $2 }' "$WORK/rss.txt")
echo
echo "newsfeed: $(grep -o 'all publishes: [0-9]* deliveries of [0-9]* expected[^;]*' "$WORK/newsfeed.txt" || echo 'no summary')"
grep -o 'from POST start p50 [^;]*' "$WORK/newsfeed.txt" | tail -1 | sed 's/^/newsfeed latency /'
echo "chat: $(grep -o 'deliveries: [0-9]* received of [0-9]* expected[^;]*; missing [0-9]*' "$WORK/chat.txt" || echo 'no summary')"
echo "pages: $(awk '/requests in/ { print $1, "requests" }' "$WORK/wrk.txt"), $(wrk_rps "$WORK/wrk.txt") req/s, p50 $(wrk_pct "$WORK/wrk.txt" 50) ms, p99 $(wrk_pct "$WORK/wrk.txt" 99) ms, errors: $(wrk_errors "$WORK/wrk.txt")"
errors=$(grep -c ' ERROR ' "$logfile" || true)
echo "server log: $errors ERROR lines, $(grep -c ' WARN ' "$logfile" || true) WARN lines"
grep -E ' (ERROR|WARN) ' "$logfile" | sed -E 's/^[^ ]+ +//' | cut -c1-160 | sort | uniq -c | sort -rn | head -5 | sed 's/^/    /'
failures=()
if [ -n "$rss5" ]; then
    drift=$(awk -v a="$rss_end" -v b="$rss5" 'BEGIN { printf "%+.1f", (a - b) * 100 / b }')
    echo "RSS at the end against minute 5: $drift %"
    awk -v d="$drift" 'BEGIN { exit !(d <= 10 && d >= -10) }' || failures+=("RSS moved $drift % after minute 5")
fi
grep -q 'all publishes: \([0-9]*\) deliveries of \1 expected' "$WORK/newsfeed.txt" || failures+=("newsfeed deliveries missing")
grep -q 'missing 0;' "$WORK/chat.txt" || failures+=("chat deliveries missing")
[ "$(wrk_errors "$WORK/wrk.txt")" = "-" ] || failures+=("wrk errors")
[ "$errors" = 0 ] || failures+=("$errors ERROR lines in the server log")
if [ ${#failures[@]} -eq 0 ]; then
    echo "verdict: passed"
else
    echo "verdict: failed ($(IFS=';'; echo "${failures[*]}"))"
    exit 1
fi
