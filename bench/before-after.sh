#!/usr/bin/env bash
# Two builds side by side in one run: the cache-hit page against nginx, then the chat fan-out on H2, each jar in
# turn (before, after, before, after), then the chat fan-out once each on PostgreSQL.
# Usage: BEFORE=path/to/before.jar AFTER=path/to/after.jar bench/before-after.sh
#   env: ROUNDS (page-vs-nginx), CHAT_RUNS="17:5000" (chat-fanout's RUNS), and the scripts' own settings
# Build a jar of another commit with: git worktree add /tmp/before <commit> && (cd /tmp/before && ./mvnw -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BEFORE:?the jar of the build before}" "${AFTER:?the jar of the build after}"
CHAT_RUNS=${CHAT_RUNS:-17:5000}
jar_of() { [ "$1" = before ] && echo "$BEFORE" || echo "$AFTER"; }
for build in before after before after; do
    echo "=== page-vs-nginx, $build ($(jar_of $build)) ==="
    JAR=$(jar_of $build) bench/page-vs-nginx.sh
done
for build in before after before after; do
    echo "=== chat-fanout h2, $build ==="
    JAR=$(jar_of $build) RUNS="$CHAT_RUNS" DBS=h2 bench/chat-fanout.sh
done
for build in before after; do
    echo "=== chat-fanout postgres, $build ==="
    JAR=$(jar_of $build) RUNS="$CHAT_RUNS" DBS=postgres bench/chat-fanout.sh
done
