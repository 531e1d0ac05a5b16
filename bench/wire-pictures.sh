#!/usr/bin/env bash
# Wire pictures: ingest of photo-sized JPEGs described by NewsML-G2 picture items and served from a server on
# 127.0.0.1 (the bench client's own): one newsMessage of PICTURES items, then PICTURES newsItems one per request.
# Dateline fetches each file (address check, byte limit), inspects it (type from the bytes, a full decode, its
# metadata) and stores it in the library. Wall time per round and per picture, on embedded defaults (H2, fresh data
# dir with demo content), Java 17; then the same on PostgreSQL when one answers on 127.0.0.1:5432 (a fresh database
# dateline_bench_pictures).
# Usage: bench/wire-pictures.sh   (env: PICTURES=100 WIDTH=3000 HEIGHT=2000 DBS="h2 postgres" PORT=18080)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=${PORT:-18080}
PICTURES=${PICTURES:-100}
WIDTH=${WIDTH:-3000}
HEIGHT=${HEIGHT:-2000}
DBS=${DBS:-h2 postgres}
WORK=$(mktemp -d /tmp/dateline-bench-pictures.XXXXXX)
DL_PID=
cleanup() { stop_pid "$DL_PID"; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

echo "## wire-pictures $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
echo "- client: java bench/WirePicturesBench.java, $PICTURES pictures of ${WIDTH}x${HEIGHT} per round after 10 warm-up pictures; files served by the client on 127.0.0.1 (DATELINE_WIRE_ALLOW_LOCAL_FEEDS=true)"
javac -d "$WORK/classes" "$BENCH_DIR/WirePicturesBench.java"

for db in $DBS; do
    echo
    echo "### $db"
    use_database "$db" dateline_bench_pictures || continue
    DATELINE_WIRE_ALLOW_LOCAL_FEEDS=true DATELINE_WIRE_POLL_FEEDS=false \
        start_dateline "$JAVA17" "$PORT" "$WORK/data-$db" "$WORK/dateline-$db.log"
    wait_health "$PORT" "$DL_PID" 180 >/dev/null || { tail -50 "$WORK/dateline-$db.log" >&2; exit 1; }
    java -Xmx2g -cp "$WORK/classes" WirePicturesBench "http://127.0.0.1:$PORT" "$ADMIN_TOKEN" "$PICTURES" \
        "$WIDTH" "$HEIGHT"
    echo "- Dateline RSS after the run: $(kb_to_mb "$(rss_kb "$DL_PID")") MB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    stop_pid "$DL_PID"; DL_PID=
done
use_database h2 >/dev/null
