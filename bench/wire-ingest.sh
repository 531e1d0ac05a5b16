#!/usr/bin/env bash
# Wire ingest: items per second for the IPTC NewsML-G2 text example pushed to POST /api/wire/items (one item per
# request and fifty per newsMessage, 4 connections), and the time from a push to the story's public page.
# Dateline on embedded defaults (H2, fresh data dir with demo content), Java 17; then the same on PostgreSQL when
# one answers on 127.0.0.1:5432 (a fresh database dateline_bench_wire).
# "h2-write-delay" in DBS adds H2 with its own default write delay (commits reach the file up to 500 ms later),
# to show what the embedded default's WRITE_DELAY=0 costs.
# Usage: bench/wire-ingest.sh   (env: ITEMS=2000 CONNECTIONS=4 SAMPLES=20 DBS="h2 postgres" PORT=18080)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=${PORT:-18080}
ITEMS=${ITEMS:-2000}
CONNECTIONS=${CONNECTIONS:-4}
SAMPLES=${SAMPLES:-20}
DBS=${DBS:-h2 postgres}
LISTING="$ROOT_DIR/../shared/conformance/newsml-g2/2.35/examples/LISTING_2_NewsML-G2_Text_Document.xml"
WORK=$(mktemp -d /tmp/dateline-bench-wire.XXXXXX)
DL_PID=
cleanup() { stop_pid "$DL_PID"; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

echo "## wire-ingest $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
echo "- client: java bench/WireIngestBench.java, $CONNECTIONS connections, $ITEMS items per mode after 200 warm-up items; LISTING_2 of the NewsML-G2 2.35 examples, each copy with its own guid"
javac -d "$WORK/classes" "$BENCH_DIR/WireIngestBench.java"

for db in $DBS; do
    env=()
    if [ "$db" = postgres ]; then
        if ! psql -h 127.0.0.1 -U postgres -qc 'select 1' >/dev/null 2>&1; then
            log "no PostgreSQL on 127.0.0.1:5432; skipping"
            continue
        fi
        psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS dateline_bench_wire' >/dev/null
        psql -h 127.0.0.1 -U postgres -qc 'CREATE DATABASE dateline_bench_wire' >/dev/null
        env=(SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/dateline_bench_wire SPRING_DATASOURCE_USERNAME=postgres)
    elif [ "$db" = h2-write-delay ]; then
        env=(SPRING_DATASOURCE_URL="jdbc:h2:file:$WORK/data-$db/db/dateline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=128")
    fi
    echo
    echo "### $db"
    [ ${#env[@]} -eq 0 ] || export "${env[@]}"
    start_dateline "$JAVA17" "$PORT" "$WORK/data-$db" "$WORK/dateline-$db.log"
    wait_health "$PORT" "$DL_PID" 180 >/dev/null || { tail -50 "$WORK/dateline-$db.log" >&2; exit 1; }
    java -cp "$WORK/classes" WireIngestBench "http://127.0.0.1:$PORT" "$ADMIN_TOKEN" "$LISTING" "$ITEMS" \
        "$CONNECTIONS" "$SAMPLES"
    echo
    echo "- Dateline RSS after the run: $(kb_to_mb "$(rss_kb "$DL_PID")") MB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    stop_pid "$DL_PID"; DL_PID=
    unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME
done
