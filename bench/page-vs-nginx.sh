#!/usr/bin/env bash
# Cache-hit page: Dateline's page cache versus nginx serving the same bytes from disk.
# Usage: bench/page-vs-nginx.sh  (env: ROUNDS=3 DURATION=10s CONNECTIONS=50 THREADS=2 JAVA17=java)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DL_PORT=18080
NGINX_PORT=18081
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
JAVA=${JAVA:-$JAVA17}

WORK=$(mktemp -d /tmp/dateline-bench-page.XXXXXX)
DL_PID=
NGINX_PID=
cleanup() {
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
    stop_pid "$DL_PID"
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

command -v nginx >/dev/null && command -v wrk >/dev/null || {
    echo "needs nginx and wrk: apt-get install -y -o DPkg::Lock::Timeout=300 nginx-light wrk" >&2; exit 1; }

echo "## page-vs-nginx $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note

log "starting Dateline ($JAVA) on 127.0.0.1:$DL_PORT"
start_dateline "$JAVA" "$DL_PORT" "$WORK/data" "$WORK/dateline.log"
ms=$(wait_health "$DL_PORT" "$DL_PID" 180) || { tail -50 "$WORK/dateline.log"; exit 1; }
log "healthy after $ms ms"

URL_PATH=$SEED_PATH
DL_URL="http://127.0.0.1:$DL_PORT$URL_PATH"
NG_URL="http://127.0.0.1:$NGINX_PORT$URL_PATH"

# The oldest story of /en/russia/ is the seed article: check that the page links it and that it answers 200.
status=$(curl -s -o /dev/null -w '%{http_code}' "$DL_URL")
[ "$status" = 200 ] || { echo "seed article answered $status" >&2; exit 1; }
mkdir -p "$WORK/root$(dirname "$URL_PATH")"
curl -s -o "$WORK/root$URL_PATH" "$DL_URL"                                     # now a cache hit
curl -s -H 'Accept-Encoding: gzip' -o "$WORK/root$URL_PATH.gz" "$DL_URL"       # Dateline's precomputed gzip
gzip -t < "$WORK/root$URL_PATH.gz" 2>/dev/null || zcat -t "$WORK/root$URL_PATH.gz"
cmp <(zcat "$WORK/root$URL_PATH.gz") "$WORK/root$URL_PATH" || { echo "gzip body differs from plain body" >&2; exit 1; }
chmod -R a+rX "$WORK"
PLAIN_BYTES=$(stat -c %s "$WORK/root$URL_PATH")
GZIP_BYTES=$(stat -c %s "$WORK/root$URL_PATH.gz")
echo "- page: $URL_PATH ($PLAIN_BYTES bytes, gzip $GZIP_BYTES bytes)"

start_nginx "$WORK" "$NGINX_PORT" "" "default_type text/html; charset utf-8; gzip_static on; gzip_vary on;"
for _ in $(seq 1 50); do curl -s -o /dev/null "$NG_URL" && break; sleep 0.1; done
cmp <(curl -s "$NG_URL") "$WORK/root$URL_PATH" || { echo "nginx serves different bytes" >&2; exit 1; }
cmp <(curl -s -H 'Accept-Encoding: gzip' "$NG_URL") "$WORK/root$URL_PATH.gz" || { echo "nginx gzip differs" >&2; exit 1; }
cmp <(curl -s -H 'Accept-Encoding: gzip' "$DL_URL") "$WORK/root$URL_PATH.gz" || { echo "Dateline gzip differs" >&2; exit 1; }
echo "- Dateline headers: $(curl -s -D - -o /dev/null "$DL_URL" | grep -i -E '^(x-cache|content-type|content-length):' | tr -d '\r' | paste -sd ' ' -)"
echo "- nginx headers:    $(curl -s -D - -o /dev/null "$NG_URL" | grep -i -E '^(content-type|content-length):' | tr -d '\r' | paste -sd ' ' -)"

log "warming up (Dateline 15s, nginx 5s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d15s "$DL_URL" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$NG_URL" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H 'Accept-Encoding: gzip' "$DL_URL" >/dev/null

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

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, alternating nginx then Dateline in each round"
echo
echo "| round | encoding | nginx req/s | Dateline req/s | Dateline / nginx |"
echo "|---|---|---:|---:|---:|"
sum_ng=0; sum_dl=0
for r in $(seq 1 "$ROUNDS"); do
    ng=$(run "nginx-$r" "$NG_URL")
    dl=$(run "dateline-$r" "$DL_URL")
    ratio=$(awk -v a="$dl" -v b="$ng" 'BEGIN { printf "%.0f%%", 100 * a / b }')
    echo "| $r | identity | $ng | $dl | $ratio |"
    sum_ng=$(awk -v s="$sum_ng" -v x="$ng" 'BEGIN { print s + x }')
    sum_dl=$(awk -v s="$sum_dl" -v x="$dl" 'BEGIN { print s + x }')
done
ng=$(run nginx-gzip "$NG_URL" -H 'Accept-Encoding: gzip')
dl=$(run dateline-gzip "$DL_URL" -H 'Accept-Encoding: gzip')
echo "| $((ROUNDS + 1)) | gzip | $ng | $dl | $(awk -v a="$dl" -v b="$ng" 'BEGIN { printf "%.0f%%", 100 * a / b }') |"
echo
awk -v a="$sum_dl" -v b="$sum_ng" -v n="$ROUNDS" 'BEGIN {
    printf "identity mean: nginx %.0f req/s, Dateline %.0f req/s, Dateline / nginx %.0f%%\n", b / n, a / n, 100 * a / b }'
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -q 'Non-2xx\|Socket errors' "$WORK/wrk-all.txt" && { echo "errors seen:"; grep -E 'Non-2xx|Socket errors' "$WORK/wrk-all.txt"; } || echo "no wrk errors (all responses 2xx)"
