#!/usr/bin/env bash
# The newsroom search on one node: what a results page costs when each request reads the newest stories that pass
# the filters (at most StoryQueries.SEARCH_CANDIDATES) and ranks them in a Lucene index built in memory.
#
# Usage: bench/newsroom-search.sh
#   env: PER_EDITION=1000 (generated demo stories per edition), DURATION=10s, JAVA=java
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=18082
PER_EDITION=${PER_EDITION:-1000}
DURATION=${DURATION:-10s}
JAVA=${JAVA:-$JAVA17}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/dateline-bench-newsroom-search.XXXXXX)
DL_PID=
cleanup() { stop_pid "$DL_PID"; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
export DATELINE_DEMO_PER_EDITION=$PER_EDITION DATELINE_FIRST_ADMIN_EMAIL=chief@example.com \
    DATELINE_FIRST_ADMIN_PASSWORD=first-start-Pa55word
JAR_COOKIES="$WORK/cookies"

csrf() { curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

echo "## newsroom search $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
echo "- $PER_EDITION generated stories per edition (plus the seed story), H2; wrk -t1 -c1 -d$DURATION --latency after 8 s warm-up per URL, logged in as the first administrator"

start_dateline "$JAVA" "$PORT" "$WORK/data" "$WORK/app.log"
wait_health "$PORT" "$DL_PID" 900 >/dev/null
for i in $(seq 1 900); do grep -q 'Loaded [0-9]* demo articles' "$WORK/app.log" && break; sleep 1; done

token=$(csrf /login)
curl -s -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "_csrf=$token" \
    --data-urlencode "username=chief@example.com" --data-urlencode "password=first-start-Pa55word" "$BASE/login"
token=$(csrf /newsroom/password)
curl -s -o /dev/null -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "_csrf=$token" \
    --data-urlencode "currentPassword=first-start-Pa55word" --data-urlencode "password=bench-Pa55word-changed-1" \
    "$BASE/newsroom/password"
cookie=$(sed 's/^#HttpOnly_//' "$JAR_COOKIES" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }')
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE/newsroom/search?q=budget")
[ "$status" = 200 ] || { echo "not logged in: /newsroom/search answered $status" >&2; exit 1; }

echo
echo "| query | path | p50 ms | p90 ms | p99 ms | requests | req/s |"
echo "|---|---|---:|---:|---:|---:|---:|"
row() {
    local label=$1 path=$2 out="$WORK/wrk.txt"
    wrk -t1 -c2 -d8s -H "Cookie: $cookie" "$BASE$path" >/dev/null
    wrk -t1 -c1 -d"$DURATION" --latency -H "Cookie: $cookie" "$BASE$path" >"$out"
    echo "| $label | \`$path\` | $(wrk_pct "$out" 50) | $(wrk_pct "$out" 90) | $(wrk_pct "$out" 99) | $(awk '/requests in/ { print $1 }' "$out") | $(wrk_rps "$out") |"
}
row "en, one word, every story (1,000 candidates)" "/newsroom/search?q=budget"
row "ru, one word, every story (1,000 candidates)" "/newsroom/search?q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82"
row "en, one word, edition en, live" "/newsroom/search?q=budget&edition=en&state=LIVE"
row "drafts only (few candidates)" "/newsroom/search?q=budget&state=DRAFT"
row "story list, for scale" "/newsroom"
