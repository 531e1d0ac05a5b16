#!/usr/bin/env bash
# The article page on a cache miss (page cache off, whole stack: related stories, most read, chat, newsfeed), two
# builds side by side on the same demo content: each jar starts on a copy of one data folder, then both are asked
# in turn (before, after, before, after), one connection, wrk -t1 -c1 --latency, after a warm-up of each.
# Usage: BEFORE=before.jar AFTER=after.jar bench/article-miss-before-after.sh
#   env: PER_EDITION=150 (demo stories per edition), DURATION=10s, WARMUP=8s, ROUNDS=2; JAVA=java
# Build a jar of another commit with: git worktree add /tmp/before <commit> && (cd /tmp/before && ./mvnw -q package -DskipTests)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
: "${BEFORE:?the jar of the build before}" "${AFTER:?the jar of the build after}"
PER_EDITION=${PER_EDITION:-150}
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-8s}
ROUNDS=${ROUNDS:-2}
JAVA=${JAVA:-$JAVA17}
PORT_BEFORE=18083
PORT_AFTER=18084
before_after_work article
export DATELINE_PAGE_CACHE_ENABLED=false

echo "## article-miss-before-after $(date -u +%FT%TZ)"
JAR=$AFTER
machine_note
echo "- before: $BEFORE; after: $AFTER"
echo "- page cache off; wrk -t1 -c1 -d$DURATION --latency after $WARMUP warm-up; $ROUNDS rounds, the builds in turn"

start_before_after "$JAVA" "$PER_EDITION" "$WORK" "$PORT_BEFORE" "$PORT_AFTER"

SEED=/en/russia/20070222/1-russia-us-look-to-boost-cooperation-on-terror-proliferation
RECENT=$(curl -s "http://127.0.0.1:$PORT_AFTER/en/russia/" | grep -o 'href="/en/russia/20[0-9]*/[^"]*"' | head -1 \
    | sed 's/href="//; s/"$//')
echo
echo "| round | build | page | p50 ms | p90 ms | p99 ms | req/s |"
echo "|---:|---|---|---:|---:|---:|---:|"
for round in $(seq 1 "$ROUNDS"); do
    for build in before after; do
        port=$([ "$build" = before ] && echo "$PORT_BEFORE" || echo "$PORT_AFTER")
        for page in "$SEED" "$RECENT"; do
            url="http://127.0.0.1:$port$page"
            [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] || { echo "$url does not answer 200" >&2; exit 1; }
            wrk -t1 -c1 -d"$WARMUP" "$url" > /dev/null
            wrk -t1 -c1 -d"$DURATION" --latency "$url" > "$WORK/wrk.txt"
            name=$([ "$page" = "$SEED" ] && echo "seed article" || echo "recent article")
            echo "| $round | $build | $name | $(wrk_pct "$WORK/wrk.txt" 50) | $(wrk_pct "$WORK/wrk.txt" 90) | $(wrk_pct "$WORK/wrk.txt" 99) | $(wrk_rps "$WORK/wrk.txt") |"
        done
    done
done
echo
echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
