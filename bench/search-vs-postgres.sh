#!/usr/bin/env bash
# Search at 100,000 stories per edition on PostgreSQL, beside PostgreSQL's own full-text search on the same database
# and machine (issue 17):
#   1. Dateline's index built from the database: time ("The search index built") and size on disk;
#   2. the baseline a user would pick instead: a generated tsvector column (to_tsvector('english'|'russian',
#      headline || ' ' || body) by edition) with a GIN index: time and size;
#   3. latency p50/p99 for one word, two words and a phrase in each language, both engines asked in turn by one
#      client (bench/SearchVsPostgres.java): Dateline's results page and suggestions over HTTP (page cache off),
#      the ranked SQL over JDBC;
#   4. publish on node A → found by node B's search (two nodes on the same database).
# The database (PG_DB=dateline_bench_search on 127.0.0.1:5432, user postgres) is created and, unless KEEP=1,
# dropped; the baseline's column and index are dropped at the end either way.
#
# Usage: bench/search-vs-postgres.sh
#   env: PER_EDITION=100000 (generated demo stories per edition), PUBLISHES=200, ROUNDS=30 (per query),
#        WARMUP=20 (passes over every query before the rounds; the JIT needs more than a few),
#        GENERATE=$PER_EDITION: how many of them the demo generator publishes through the newsroom (about 50 a
#        second on PostgreSQL on a loaded 2-core machine); the rest are copies of those made by
#        bench/search-copies.sql (same text, tags and authors; ids, dates and translation keys of their own),
#        DATA_DIR=/tmp/dateline-bench-search-pg-$PER_EDITION, KEEP=1 to keep the database and data dir for another
#        run (a run finding both, with a finished load, reuses them instead of loading again); PORT_A=18091,
#        PORT_B=18092; JAVA=java. A small try: PER_EDITION=600 GENERATE=150 ROUNDS=2 PUBLISHES=10
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PER_EDITION=${PER_EDITION:-100000}
GENERATE=${GENERATE:-$PER_EDITION}
PUBLISHES=${PUBLISHES:-200}
ROUNDS=${ROUNDS:-30}
WARMUP=${WARMUP:-20}
PG_DB=${PG_DB:-dateline_bench_search}
DATA=${DATA_DIR:-/tmp/dateline-bench-search-pg-$PER_EDITION}
KEEP=${KEEP:-0}
JAVA=${JAVA:-$JAVA17}
PORT_A=${PORT_A:-18091}
PORT_B=${PORT_B:-18092}
JDBC=jdbc:postgresql://127.0.0.1:5432/$PG_DB
WORK=$(mktemp -d /tmp/dateline-bench-search-pg.XXXXXX)
A_PID=
B_PID=
psql_db() { psql -h 127.0.0.1 -U postgres -d "$PG_DB" -v ON_ERROR_STOP=1 -qAt "$@"; }
drop_baseline() { psql_db -c 'ALTER TABLE articles DROP COLUMN IF EXISTS bench_tsv' 2>/dev/null || true; }
cleanup() {
    stop_pid "$A_PID"
    stop_pid "$B_PID"
    if [ "$KEEP" = 1 ]; then
        drop_baseline
    else
        drop_database postgres "$PG_DB"
        rm -rf "$DATA"
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM
export DATELINE_PAGE_CACHE_ENABLED=false

wait_line() { # wait_line LOG PATTERN TIMEOUT_S
    local i
    for i in $(seq 1 "$3"); do grep -q "$2" "$1" && return 0; sleep 1; done
    echo "no '$2' in $1 within $3 s" >&2
    return 1
}

echo "## search-vs-postgres $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
echo "- page cache off (DATELINE_PAGE_CACHE_ENABLED=false); PostgreSQL with its packaged settings (shared_buffers $(psql -h 127.0.0.1 -U postgres -Atc 'show shared_buffers'), work_mem $(psql -h 127.0.0.1 -U postgres -Atc 'show work_mem'), maintenance_work_mem $(psql -h 127.0.0.1 -U postgres -Atc 'show maintenance_work_mem'))"

reuse=0
if [ -f "$DATA/.loaded" ] && psql -h 127.0.0.1 -U postgres -d "$PG_DB" -qc 'select 1 from articles limit 1' >/dev/null 2>&1; then
    reuse=1
    export SPRING_DATASOURCE_URL=$JDBC SPRING_DATASOURCE_USERNAME=postgres
    echo "- database: PostgreSQL $(psql -h 127.0.0.1 -U postgres -Atc 'show server_version') on 127.0.0.1:5432 (same machine), loaded by an earlier run (KEEP=1)"
else
    rm -rf "$DATA"
    mkdir -p "$DATA/a"
    use_database postgres "$PG_DB"
    log "loading --demo=$GENERATE into $PG_DB"
    start_dateline "$JAVA" "$PORT_A" "$DATA/a" "$DATA/load.log" --demo="$GENERATE"
    A_PID=$DL_PID
    wait_line "$DATA/load.log" 'Loaded [0-9]* demo articles' 14400
    loaded=$(grep -o 'Loaded [0-9]* demo articles in [0-9]* ms' "$DATA/load.log")
    idle_from=$(now_ms)
    wait_idle "$A_PID"
    echo "$loaded (java 17, \`--demo=$GENERATE\` on an empty database, through the publishing use case); then $(( $(now_ms) - idle_from )) ms until idle (change log applied to the index)" \
        >"$DATA/.loaded"
    stop_pid "$A_PID"; A_PID=
    if [ "$GENERATE" -lt "$PER_EDITION" ]; then
        log "copies up to $PER_EDITION per edition (bench/search-copies.sql)"
        t0=$(now_ms)
        psql_db -1 -q -v per_edition="$PER_EDITION" -f "$BENCH_DIR/search-copies.sql" >/dev/null
        psql_db -c 'VACUUM ANALYZE' >/dev/null
        echo "; filled up to $PER_EDITION per edition with copies of those (bench/search-copies.sql, $(( $(now_ms) - t0 )) ms)" >>"$DATA/.loaded"
    fi
fi
articles=$(psql_db -c "select count(*) from articles where state = 'LIVE'")
echo "- $articles live articles ($PER_EDITION generated per edition + the seed story in both); load: $(tr -d '\n' <"$DATA/.loaded")"
echo "- articles table: $(psql_db -c "select pg_size_pretty(pg_total_relation_size('articles'))") with its indexes and TOAST"

echo
echo "### index build"
log "Dateline's index built from the database"
rm -rf "$DATA/a/search"
start_dateline "$JAVA" "$PORT_A" "$DATA/a" "$WORK/a.log"
A_PID=$DL_PID
wait_health "$PORT_A" "$A_PID" 600 >/dev/null
wait_line "$WORK/a.log" 'The search index built' 1800
built=$(grep -o 'The search index built: .*' "$WORK/a.log")
dateline_size=$(du -sh "$DATA/a/search" | cut -f1)
wait_idle "$A_PID"

log "the baseline: generated tsvector column and GIN index"
drop_baseline
t0=$(now_ms)
psql_db -c "ALTER TABLE articles ADD COLUMN bench_tsv tsvector GENERATED ALWAYS AS (CASE edition
    WHEN 'ru' THEN to_tsvector('russian', headline || ' ' || body)
    ELSE to_tsvector('english', headline || ' ' || body) END) STORED"
column_ms=$(( $(now_ms) - t0 ))
t0=$(now_ms)
psql_db -c 'CREATE INDEX articles_bench_tsv ON articles USING gin (bench_tsv)'
gin_ms=$(( $(now_ms) - t0 ))
psql_db -c 'ANALYZE articles'
gin_size=$(psql_db -c "select pg_size_pretty(pg_relation_size('articles_bench_tsv'))")
column_size=$(psql_db -c "select pg_size_pretty(sum(pg_column_size(bench_tsv))) from articles")

echo
echo "| engine | what is built | time | size |"
echo "|---|---|---:|---:|"
echo "| Dateline (Lucene) | the index of $articles stories, read from the database (\`$built\`) | $(echo "$built" | grep -o 'in [0-9]* ms' | tr -d 'inms ') ms | $dateline_size on disk (du) |"
echo "| PostgreSQL | generated column \`bench_tsv\` (table rewritten) | $column_ms ms | $column_size (sum of pg_column_size) |"
echo "| PostgreSQL | GIN index on it | $gin_ms ms | $gin_size (pg_relation_size) |"
echo "| PostgreSQL | both | $(( column_ms + gin_ms )) ms | |"

echo
echo "### query latency"
echo "- client: java bench/SearchVsPostgres.java latency, one request at a time, the three asked in turn request by request; warm-up $WARMUP passes over every query; $ROUNDS rounds"
echo "- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
mkdir -p "$WORK/lib"
(cd "$WORK/lib" && unzip -q -o -j "$JAR" 'BOOT-INF/lib/postgresql-*.jar')
"$JAVA17" -cp "$(ls "$WORK"/lib/postgresql-*.jar)" -Dbench.rounds="$ROUNDS" -Dbench.warmup="$WARMUP" -Dbench.pid="$A_PID" "$BENCH_DIR/SearchVsPostgres.java" \
    latency "http://127.0.0.1:$PORT_A" "$JDBC"
echo
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
drop_baseline

echo
echo "### publish on node A → found on node B"
log "node B on the same database"
mkdir -p "$DATA/b"
rm -rf "$DATA/b/search"
start_dateline "$JAVA" "$PORT_B" "$DATA/b" "$WORK/b.log"
B_PID=$DL_PID
wait_health "$PORT_B" "$B_PID" 600 >/dev/null
wait_line "$WORK/b.log" 'The search index built' 1800
wait_idle "$B_PID"
echo "- node B: $(grep -o 'The search index built: .*' "$WORK/b.log") (its own index, built at start)"
echo "- client: java bench/SearchVsPostgres.java propagation: $PUBLISHES stories one at a time through node A's \`POST /api/admin/articles\`, each with a word of its own in the headline; node B's \`/{edition}/search/suggest?q=<word>\` asked every 2 ms until it names the story"
echo
"$JAVA17" "$BENCH_DIR/SearchVsPostgres.java" propagation "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" \
    "$ADMIN_TOKEN" "$PUBLISHES"
echo
echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
server_log "$WORK/a.log" | sed 's/server log/node A log/'
server_log "$WORK/b.log" | sed 's/server log/node B log/'
