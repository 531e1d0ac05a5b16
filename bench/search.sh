#!/usr/bin/env bash
# Search on one node: how long the index takes to build from the database, how fast the change log feeds it, and
# what a results page costs on a cache miss (the whole stack: search, the read of the shown stories, the page's
# render), for one word, two words and a phrase in each language, and a suggestions answer.
#
# Usage: bench/search.sh
#   env: PER_EDITION=5000 (generated demo stories per edition), DURATION=10s, JAVA=java
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=18081
PER_EDITION=${PER_EDITION:-5000}
DURATION=${DURATION:-10s}
JAVA=${JAVA:-$JAVA17}
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/dateline-bench-search.XXXXXX)
DL_PID=
cleanup() { stop_pid "$DL_PID"; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
export DATELINE_PAGE_CACHE_ENABLED=false DATELINE_DEMO_PER_EDITION=$PER_EDITION

echo "## search $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
echo "- $PER_EDITION generated stories per edition (plus the seed story), H2; page cache off; wrk -t1 -c1 -d$DURATION --latency after 8 s warm-up per URL"

log "first start: demo content, indexed story by story from the change log"
start_dateline "$JAVA" "$PORT" "$WORK/data" "$WORK/first.log"
wait_health "$PORT" "$DL_PID" 900 >/dev/null
wait_idle "$DL_PID"
fed_ms=$(( $(now_ms) - DL_START_MS ))
loaded=$(grep -o 'Loaded [0-9]* demo articles in [0-9]* ms' "$WORK/first.log" || true)
echo "- first start with the demo load, until idle (demo published, every story applied from the change log): $fed_ms ms ($loaded)"
stop_pid "$DL_PID"

log "second start without the index: built from the database"
rm -rf "$WORK/data/search"
start_dateline "$JAVA" "$PORT" "$WORK/data" "$WORK/second.log"
wait_health "$PORT" "$DL_PID" 300 >/dev/null
for i in $(seq 1 600); do grep -q 'The search index built' "$WORK/second.log" && break; sleep 1; done
echo "- rebuild: $(grep -o 'The search index built: .*' "$WORK/second.log")"
echo "- index on disk: $(du -sh "$WORK/data/search" | cut -f1)"

echo
echo "| query | path | p50 ms | p90 ms | p99 ms | requests | req/s |"
echo "|---|---|---:|---:|---:|---:|---:|"
row() {
    local label=$1 path=$2 out="$WORK/wrk.txt"
    wrk -t1 -c2 -d8s "$BASE$path" >/dev/null
    wrk -t1 -c1 -d"$DURATION" --latency "$BASE$path" >"$out"
    echo "| $label | \`$path\` | $(wrk_pct "$out" 50) | $(wrk_pct "$out" 90) | $(wrk_pct "$out" 99) | $(awk '/requests in/ { print $1 }' "$out") | $(wrk_rps "$out") |"
}
row "en, one word" "/en/search?q=budget"
row "en, two words" "/en/search?q=healthcare+budget"
row "en, phrase" "/en/search?q=%22healthcare+budget%22"
row "en, no match (respelling)" "/en/search?q=bugdet"
row "ru, one word" "/ru/search?q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82"
row "ru, two words" "/ru/search?q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82+%D0%B7%D0%B4%D1%80%D0%B0%D0%B2%D0%BE%D0%BE%D1%85%D1%80%D0%B0%D0%BD%D0%B5%D0%BD%D0%B8%D1%8F"
row "ru, phrase" "/ru/search?q=%22%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82+%D0%B7%D0%B4%D1%80%D0%B0%D0%B2%D0%BE%D0%BE%D1%85%D1%80%D0%B0%D0%BD%D0%B5%D0%BD%D0%B8%D1%8F%22"
row "suggestions, en" "/en/search/suggest?q=government+rev"
row "section page, for scale" "/en/economy/"
