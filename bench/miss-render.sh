#!/usr/bin/env bash
# Cost of rendering a page on a cache miss: the page cache is off, so every request runs the whole stack
# (Spring Security, MVC, JDBC on H2, JTE). One connection, one request at a time: wrk -t1 -c1 --latency.
#
# Usage: bench/miss-render.sh
#   env: DURATION=10s  SMALL_PER_EDITION=150 (generated stories per edition for parts a/b)
#        BIG_PER_EDITION=100000 (generated stories per edition for part c)
#        BIG_DATA_DIR=/tmp/dateline-bench-big (kept between runs; loaded once, reused if it holds a finished load)
#        SKIP_SMALL=1 / SKIP_BIG=1 to run one part only; JAVA=java
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=18080
DURATION=${DURATION:-10s}
SMALL_PER_EDITION=${SMALL_PER_EDITION:-150}
BIG_PER_EDITION=${BIG_PER_EDITION:-100000}
BIG_DATA_DIR=${BIG_DATA_DIR:-/tmp/dateline-bench-big-$BIG_PER_EDITION}
JAVA=${JAVA:-$JAVA17}
BASE="http://127.0.0.1:$PORT"

WORK=$(mktemp -d /tmp/dateline-bench-miss.XXXXXX)
DL_PID=
cleanup() { stop_pid "$DL_PID"; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM
export DATELINE_PAGE_CACHE_ENABLED=false

check_miss() { # the page cache must really be off
    local h
    h=$(curl -s -D - -o /dev/null "$BASE$1" | tr -d '\r')
    echo "$h" | head -1 | grep -q ' 200' || { echo "$1 does not answer 200" >&2; echo "$h" >&2; exit 1; }
    if echo "$h" | grep -qi '^x-cache: hit'; then echo "$1 came from the page cache" >&2; exit 1; fi
}

measure() { # measure LABEL PATH|@LUAFILE: one row of the table
    local label=$1 path=$2 out args
    out="$WORK/wrk-$RANDOM.txt"
    if [ -z "$path" ]; then echo "| $label | (not found) | | | | | | |"; return; fi
    if [ "${path#@}" != "$path" ]; then
        args=(-s "${path#@}" "$BASE/")
        path="rotation of $(grep -c '^  "' "${path#@}") pages"
    else
        check_miss "$path"
        args=("$BASE$path")
        path="\`$path\`"
    fi
    wrk -t1 -c1 -d"$DURATION" --latency "${args[@]}" >"$out"
    local n
    n=$(awk '/requests in/ { print $1 }' "$out")
    echo "| $label | $path | $(wrk_pct "$out" 50) | $(wrk_pct "$out" 90) | $(wrk_pct "$out" 99) | $n | $(wrk_rps "$out") | $(wrk_errors "$out") |"
}

table_head() {
    echo
    echo "| page | path | p50 ms | p90 ms | p99 ms | requests | req/s | errors |"
    echo "|---|---|---:|---:|---:|---:|---:|---|"
}

warm() { # warm PATH|@LUAFILE...: JIT and H2 caches, 2 connections for 8 s each
    local p
    for p in "$@"; do
        if [ "${p#@}" != "$p" ]; then wrk -t1 -c2 -d8s -s "${p#@}" "$BASE/" >/dev/null
        else wrk -t1 -c2 -d8s "$BASE$p" >/dev/null; fi
    done
}

rotation() { # rotation FILE PATH...: a wrk script that requests the paths in turn, so no request repeats the last
    local file=$1
    shift
    {
        echo "paths = {"
        local p
        for p in "$@"; do echo "  \"$p\","; done
        echo "}"
        echo "i = 0"
        echo "request = function() i = i % #paths + 1; return wrk.format(\"GET\", paths[i]) end"
    } >"$file"
}

first_article_of() { # the newest article linked from a list page
    curl -s "$BASE$1" | grep -o "href=\"$1[0-9]\{8\}/[0-9][^\"]*\"" | head -1 | sed 's/^href="//; s/"$//' || true
}

first_link() { # first_link PAGE PREFIX: the first link on PAGE that starts with PREFIX
    curl -s "$BASE$1" | grep -o "href=\"$2[^\"]*\"" | head -1 | sed 's/^href="//; s/"$//' || true
}

articles_of() { # articles_of PAGE N: up to N article links of an English list page
    curl -s "$BASE$1" | grep -o 'href="/en/[a-z0-9-]*/[0-9]\{8\}/[0-9][^"]*"' | sed 's/^href="//; s/"$//' \
        | awk '!seen[$0]++' | head -"$2" || true
}

# H2 keeps the last result of each prepared query per connection and answers an identical query (same SQL, same
# parameters, no write since) from it. A benchmark that repeats one URL on one connection measures that reuse;
# OPTIMIZE_REUSE_RESULTS=FALSE switches it off, so the "no result reuse" tables show what a page costs when the
# previous request on the connection was a different page (or anything was published since).
NO_REUSE_URL_SUFFIX=";OPTIMIZE_REUSE_RESULTS=FALSE"
h2_url() { # h2_url DATA_DIR [suffix]
    echo "jdbc:h2:file:$1/db/dateline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;QUERY_CACHE_SIZE=128${2:-}"
}

echo "## miss-render $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
echo "- page cache off (DATELINE_PAGE_CACHE_ENABLED=false); wrk -t1 -c1 -d$DURATION --latency; after 8 s warm-up per page"

# pages_table DATA_DIR LOGFILE TITLE KIND [url suffix]: start Dateline on DATA_DIR, warm, print one table
pages_table() {
    local data=$1 logfile=$2 title=$3 kind=$4 suffix=${5:-} ms
    SPRING_DATASOURCE_URL=$(h2_url "$data" "$suffix") start_dateline "$JAVA" "$PORT" "$data" "$logfile"
    ms=$(wait_health "$PORT" "$DL_PID" 900) || { tail -50 "$logfile"; exit 1; }
    log "$title: healthy after $ms ms"
    wait_idle "$DL_PID"
    local recent section2 deep tag author last_sitemap
    recent=$(first_article_of /en/russia/)
    section2=/en/world/
    # The last sitemap that lists English russia stories (the newest ids may all be of the other edition).
    deep=
    for last_sitemap in $(curl -s "$BASE/sitemap.xml" | grep -o '/sitemaps/articles-[0-9]*\.xml' | tac || true); do
        deep=$(curl -s "$BASE$last_sitemap" | grep -o "<loc>[^<]*/en/russia/[^<]*</loc>" | tail -1 \
            | sed 's#<loc>https\?://[^/]*##; s#</loc>##' || true)
        [ -n "$deep" ] && break
    done
    tag=$(first_link "$recent" /en/tag/)
    author=$(first_link "$recent" /en/author/)
    # 40 distinct articles: the newest of four sections and the oldest English entries of the last sitemap
    { articles_of /en/russia/ 10; articles_of /en/world/ 10; articles_of /en/economy/ 10
      curl -s "$BASE$last_sitemap" | grep -o "<loc>[^<]*/en/[^<]*</loc>" | tail -10 \
        | sed 's#<loc>https\?://[^/]*##; s#</loc>##' || true; } >"$WORK/articles.txt"
    mapfile -t articles <"$WORK/articles.txt"
    rotation "$WORK/articles.lua" "${articles[@]}"
    rotation "$WORK/pages.lua" "$recent" /en/russia/ "$deep" "$SEED_PATH" /en/ "$tag" "$author" "$section2"
    warm "$recent" /en/russia/ "$deep" "$SEED_PATH" /en/ "$tag" "$author" @"$WORK/articles.lua" @"$WORK/pages.lua"
    echo
    echo "#### $title ($kind)"
    echo "- deep article: the oldest English russia entry of $last_sitemap"
    table_head
    if [ "$kind" = "H2 result reuse on (default)" ]; then
        measure "(a) seed article" "$SEED_PATH"
        measure "(b) section" /en/russia/
        measure "recent article" "$recent"
        measure "deep article" "$deep"
    else
        measure "seed article" "$SEED_PATH"
        measure "section" /en/russia/
        measure "recent article" "$recent"
        measure "deep article" "$deep"
    fi
    measure "edition home" /en/
    measure "tag" "$tag"
    measure "author" "$author"
    measure "40 articles in turn" @"$WORK/articles.lua"
    measure "8 pages in turn" @"$WORK/pages.lua"
    echo
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    stop_pid "$DL_PID"; DL_PID=
}

if [ "${SKIP_SMALL:-0}" != 1 ]; then
    log "part a/b: demo content ($SMALL_PER_EDITION per edition)"
    mkdir -p "$WORK/small"
    start_dateline "$JAVA" "$PORT" "$WORK/small" "$WORK/small-load.log" --dateline.demo.per-edition="$SMALL_PER_EDITION"
    ms=$(wait_health "$PORT" "$DL_PID" 180) || { tail -50 "$WORK/small-load.log"; exit 1; }
    wait_idle "$DL_PID"
    stop_pid "$DL_PID"; DL_PID=
    echo
    echo "### demo content: $(grep -o 'Loaded [0-9]* demo articles' "$WORK/small-load.log") ($SMALL_PER_EDITION generated per edition)"
    pages_table "$WORK/small" "$WORK/small-1.log" "demo content" "H2 result reuse on (default)"
    pages_table "$WORK/small" "$WORK/small-2.log" "demo content" "no H2 result reuse" "$NO_REUSE_URL_SUFFIX"
fi

if [ "${SKIP_BIG:-0}" != 1 ]; then
    if [ ! -f "$BIG_DATA_DIR/.loaded" ]; then
        rm -rf "$BIG_DATA_DIR"
        mkdir -p "$BIG_DATA_DIR"
        log "part c: loading --demo=$BIG_PER_EDITION into $BIG_DATA_DIR (fresh)"
        start_dateline "$JAVA" "$PORT" "$BIG_DATA_DIR" "$BIG_DATA_DIR/load.log" --demo="$BIG_PER_EDITION"
        ms=$(wait_health "$PORT" "$DL_PID" 7200) || { tail -50 "$BIG_DATA_DIR/load.log"; exit 1; }
        loaded=$(grep -o 'Loaded [0-9]* demo articles in [0-9]* ms' "$BIG_DATA_DIR/load.log")
        log "load done: $loaded; healthy after $ms ms; waiting for the change-log tailer"
        idle_from=$(now_ms)
        wait_idle "$DL_PID"
        echo "$loaded; process start to health UP $ms ms; then $(( $(now_ms) - idle_from )) ms until idle (tailer)" \
            >"$BIG_DATA_DIR/.loaded"
        stop_pid "$DL_PID"; DL_PID=
    fi
    echo
    echo "### $(( 2 * BIG_PER_EDITION + 2 )) articles ($BIG_PER_EDITION generated per edition + the seed story in both)"
    echo "- load (java 17, \`--demo=$BIG_PER_EDITION\` on a fresh data dir): $(cat "$BIG_DATA_DIR/.loaded")"
    echo "- data dir size: $(du -sh "$BIG_DATA_DIR" | cut -f1)"
    pages_table "$BIG_DATA_DIR" "$WORK/big-1.log" "$(( 2 * BIG_PER_EDITION + 2 )) articles" "H2 result reuse on (default)"
    pages_table "$BIG_DATA_DIR" "$WORK/big-2.log" "$(( 2 * BIG_PER_EDITION + 2 )) articles" "no H2 result reuse" "$NO_REUSE_URL_SUFFIX"
fi
