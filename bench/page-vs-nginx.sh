#!/usr/bin/env bash
# Cache hits: Dateline's page cache and assets versus nginx serving the same bytes from disk, as they are and gzip
# (nginx `gzip_static on` with a .gz file holding Dateline's own precomputed gzip), alternating in each round.
# With BEFORE_JAR set, a second Dateline from that jar runs beside and takes its turn in every round too.
# Usage: bench/page-vs-nginx.sh  (env: ROUNDS=3 DURATION=10s CONNECTIONS=50 THREADS=2 JAVA=java JAR=… BEFORE_JAR=…
#        PORT_BASE=18080: Dateline on it, nginx on +1, the before jar on +2)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT_BASE=${PORT_BASE:-18080}
DL_PORT=$PORT_BASE
NGINX_PORT=$((PORT_BASE + 1))
BEFORE_PORT=$((PORT_BASE + 2))
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
JAVA=${JAVA:-$JAVA17}
BEFORE_JAR=${BEFORE_JAR:-}

WORK=$(mktemp -d /tmp/dateline-bench-page.XXXXXX)
DL_PID=
BEFORE_PID=
NGINX_PID=
cleanup() {
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
    stop_pid "$DL_PID"
    stop_pid "$BEFORE_PID"
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

command -v nginx >/dev/null && command -v wrk >/dev/null || {
    echo "needs nginx and wrk: apt-get install -y -o DPkg::Lock::Timeout=300 nginx-light wrk" >&2; exit 1; }

echo "## page-vs-nginx $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
[ -n "$BEFORE_JAR" ] && echo "- before: $BEFORE_JAR (given; built $(date -u -r "$BEFORE_JAR" +%Y-%m-%dT%H:%MZ))"

log "starting Dateline ($JAVA) on 127.0.0.1:$DL_PORT"
start_dateline "$JAVA" "$DL_PORT" "$WORK/data" "$WORK/dateline.log"
ms=$(wait_health "$DL_PORT" "$DL_PID" 300) || { tail -50 "$WORK/dateline.log"; exit 1; }
log "healthy after $ms ms"
if [ -n "$BEFORE_JAR" ]; then
    after_pid=$DL_PID
    log "starting the before jar on 127.0.0.1:$BEFORE_PORT"
    JAR=$BEFORE_JAR start_dateline "$JAVA" "$BEFORE_PORT" "$WORK/data-before" "$WORK/before.log"
    BEFORE_PID=$DL_PID
    DL_PID=$after_pid
    ms=$(wait_health "$BEFORE_PORT" "$BEFORE_PID" 300) || { tail -50 "$WORK/before.log"; exit 1; }
    log "before jar healthy after $ms ms"
fi

URL_PATH=$SEED_PATH
DL="http://127.0.0.1:$DL_PORT"
NG="http://127.0.0.1:$NGINX_PORT"
BF="http://127.0.0.1:$BEFORE_PORT"

# The oldest story of /en/russia/ is the seed article: check that it answers 200.
status=$(curl -s -o /dev/null -w '%{http_code}' "$DL$URL_PATH")
[ "$status" = 200 ] || { echo "seed article answered $status" >&2; exit 1; }
ASSET_PATH=$(curl -s "$DL/en/" | grep -o '/assets/v-[0-9a-f]*/site\.css' | head -1)
[ -n "$ASSET_PATH" ] || { echo "no versioned style sheet on /en/" >&2; exit 1; }

# keep PATH: Dateline's bytes as they are and its own gzip, as files for nginx
keep() {
    local path=$1
    mkdir -p "$WORK/root$(dirname "$path")"
    curl -s -o /dev/null "$DL$path"                                                # now a cache hit
    curl -s -o "$WORK/root$path" "$DL$path"
    curl -s -H 'Accept-Encoding: gzip' -o "$WORK/root$path.gz" "$DL$path"
    cmp <(zcat "$WORK/root$path.gz") "$WORK/root$path" || { echo "$path: gzip body differs from plain body" >&2; exit 1; }
    echo "- $path: $(stat -c %s "$WORK/root$path") bytes, gzip $(stat -c %s "$WORK/root$path.gz") bytes"
}
keep "$URL_PATH"
keep "$ASSET_PATH"
chmod -R a+rX "$WORK"

start_nginx "$WORK" "$NGINX_PORT" "text/css css;" \
    "default_type text/html; charset utf-8; gzip_static on; gzip_vary on;"
for _ in $(seq 1 50); do curl -s -o /dev/null "$NG$URL_PATH" && break; sleep 0.1; done
for path in "$URL_PATH" "$ASSET_PATH"; do
    cmp <(curl -s "$NG$path") "$WORK/root$path" || { echo "nginx serves different bytes" >&2; exit 1; }
    cmp <(curl -s -H 'Accept-Encoding: gzip' "$NG$path") "$WORK/root$path.gz" || { echo "nginx gzip differs" >&2; exit 1; }
    cmp <(curl -s -H 'Accept-Encoding: gzip' "$DL$path") "$WORK/root$path.gz" || { echo "Dateline gzip differs" >&2; exit 1; }
done
headers() { curl -s -D - -o /dev/null "$@" | grep -i -E '^(x-cache|content-type|content-length|content-encoding):' | tr -d '\r' | paste -sd ' ' -; }
echo "- Dateline headers: $(headers "$DL$URL_PATH") / gzip: $(headers -H 'Accept-Encoding: gzip' "$DL$URL_PATH")"
echo "- nginx headers:    $(headers "$NG$URL_PATH") / gzip: $(headers -H 'Accept-Encoding: gzip' "$NG$URL_PATH")"
SOCIAL="$URL_PATH?utm_source=bench&utm_medium=social&fbclid=IwAR0bench"
echo "- a shared link ($SOCIAL): Dateline $(headers "$DL$SOCIAL")"
[ -n "$BEFORE_JAR" ] && echo "  before: $(headers "$BF$SOCIAL")"

servers="nginx dateline"
[ -n "$BEFORE_JAR" ] && servers="nginx before dateline"
base() { case $1 in nginx) echo "$NG";; before) echo "$BF";; dateline) echo "$DL";; esac; }

log "warming up (each Dateline 20s per kind, nginx 5s)"
for server in $servers; do
    d=5s
    [ "$server" = nginx ] || d=10s
    wrk -t"$THREADS" -c"$CONNECTIONS" -d$d "$(base "$server")$URL_PATH" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d$d -H 'Accept-Encoding: gzip' "$(base "$server")$URL_PATH" >/dev/null
    [ "$server" = nginx ] && continue
    wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H 'Accept-Encoding: gzip' "$(base "$server")$ASSET_PATH" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$(base "$server")$ASSET_PATH" >/dev/null
done

run() { # run NAME URL [wrk args...] -> prints req/s, keeps the output
    local name=$1 url=$2
    shift 2
    local out="$WORK/wrk-$name.txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@" "$url" >"$out"
    cat "$out" >>"$WORK/wrk-all.txt"
    local err
    err=$(wrk_errors "$out")
    [ "$err" = - ] || log "$name: $err"
    wrk_rps "$out"
}
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f%%", 100 * a / b }'; }

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION; in each round and each kind, nginx then $( [ -n "$BEFORE_JAR" ] && echo "the before jar then ")Dateline"
echo
if [ -n "$BEFORE_JAR" ]; then
    echo "| round | what | nginx req/s | before req/s | before / nginx | Dateline req/s | Dateline / nginx |"
    echo "|---|---|---:|---:|---:|---:|---:|"
else
    echo "| round | what | nginx req/s | Dateline req/s | Dateline / nginx |"
    echo "|---|---|---:|---:|---:|"
fi
declare -A sum
for r in $(seq 1 "$ROUNDS"); do
    for kind in page page-gzip asset asset-gzip; do
        path=$URL_PATH
        case $kind in asset*) path=$ASSET_PATH;; esac
        args=()
        case $kind in *gzip) args=(-H 'Accept-Encoding: gzip');; esac
        declare -A rps
        for server in $servers; do
            rps[$server]=$(run "$server-$kind-$r" "$(base "$server")$path" "${args[@]}")
            sum[$server-$kind]=$(awk -v s="${sum[$server-$kind]:-0}" -v x="${rps[$server]}" 'BEGIN { print s + x }')
        done
        if [ -n "$BEFORE_JAR" ]; then
            echo "| $r | $kind | ${rps[nginx]} | ${rps[before]} | $(pct "${rps[before]}" "${rps[nginx]}") | ${rps[dateline]} | $(pct "${rps[dateline]}" "${rps[nginx]}") |"
        else
            echo "| $r | $kind | ${rps[nginx]} | ${rps[dateline]} | $(pct "${rps[dateline]}" "${rps[nginx]}") |"
        fi
    done
done
echo
for kind in page page-gzip asset asset-gzip; do
    line="$kind, sum of rounds: nginx ${sum[nginx-$kind]} req/s"
    [ -n "$BEFORE_JAR" ] && line="$line; before $(pct "${sum[before-$kind]}" "${sum[nginx-$kind]}") of nginx"
    echo "$line; Dateline $(pct "${sum[dateline-$kind]}" "${sum[nginx-$kind]}") of nginx"
done
# A shared link, one round: the before jar renders it every time; Dateline answers it from the cache.
for server in $servers; do
    [ "$server" = nginx ] && continue
    echo "shared link with utm_*/fbclid, $server: $(run "$server-social" "$(base "$server")$SOCIAL" -H 'Accept-Encoding: gzip') req/s"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -q 'Non-2xx\|Socket errors' "$WORK/wrk-all.txt" && { echo "errors seen:"; grep -E 'Non-2xx|Socket errors' "$WORK/wrk-all.txt"; } || echo "no wrk errors (all responses 2xx)"
