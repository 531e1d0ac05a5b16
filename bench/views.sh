#!/usr/bin/env bash
# Article views beside the page they come with: a closed loop of C keep-alive connections (each from its own loopback
# address, so the server sees many anonymous readers) against one node with the demo content (300 stories per
# edition): the cached article page, views never counted before (each counts), the same views again (not counted),
# views each from an address never seen before (one connection each: many readers reading one story each), and reads
# of the total. Per phase: requests/s, p50/p99, server (and PostgreSQL) CPU per request, and on PostgreSQL the
# transactions of the bench database per request (counted by PostgreSQL for that database alone).
# Usage: bench/views.sh
#   env: DBS="h2 postgres" (default h2) CONNECTIONS=16 SECONDS_=20 JAVA=java
# The server of this run allows each address far more views than the default 120 a minute
# (--dateline.readership.views-per-address-per-minute), since every phase sends thousands from each address.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=18090
DBS=${DBS:-h2}
CONNECTIONS=${CONNECTIONS:-16}
SECONDS_=${SECONDS_:-20}
JAVA=${JAVA:-$JAVA17}
PG_DB=dateline_bench_views
WORK=$(mktemp -d /tmp/dateline-bench-views.XXXXXX)
DL_PID=
cleanup() { stop_pid "$DL_PID"; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

echo "## views $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
echo "- client: java bench/ViewsBench.java, $CONNECTIONS connections, $SECONDS_ s per phase (after 5 s of pages and 5 s of new views to warm up), on the same 2 cores as the server"
javac -d "$WORK/classes" "$BENCH_DIR/ViewsBench.java"

for db in $DBS; do
    echo
    echo "### $db"
    use_database "$db" "$PG_DB" || continue
    logfile="$WORK/dateline-$db.log"
    start_dateline "$JAVA" "$PORT" "$WORK/data-$db" "$logfile" --dateline.demo.per-edition=300 \
        --dateline.readership.views-per-address-per-minute=1000000000
    ms=$(wait_health "$PORT" "$DL_PID" 300) || { tail -50 "$logfile"; exit 1; }
    log "$db healthy after $ms ms (pid $DL_PID)"
    curl -s -o /dev/null "http://127.0.0.1:$PORT$SEED_PATH" # the page is cached from here on
    echo
    pgdb=()
    if [ "$db" = postgres ]; then pgdb=(-Dviews.pgdb="$PG_DB"); fi
    "$JAVA" -cp "$WORK/classes" -Dviews.connections="$CONNECTIONS" -Dviews.seconds="$SECONDS_" "${pgdb[@]}" \
        ViewsBench "http://127.0.0.1:$PORT" "$SEED_PATH" "$DL_PID" || echo "client exited with $?"
    echo
    server_log "$logfile"
    stop_pid "$DL_PID"
    DL_PID=
    drop_database "$db" "$PG_DB"
done
unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME
