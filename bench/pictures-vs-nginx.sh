#!/usr/bin/env bash
# A cached rendition: Dateline's picture fast path versus nginx serving the same file from disk, same run.
# Usage: bench/pictures-vs-nginx.sh  (env: ROUNDS=3 DURATION=10s CONNECTIONS=50 THREADS=2 JAVA17=java)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DL_PORT=18080
NGINX_PORT=18081
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
JAVA=${JAVA:-$JAVA17}

WORK=$(mktemp -d /tmp/dateline-bench-pictures.XXXXXX)
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

echo "## pictures-vs-nginx $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note

log "starting Dateline ($JAVA) on 127.0.0.1:$DL_PORT"
start_dateline "$JAVA" "$DL_PORT" "$WORK/data" "$WORK/dateline.log" --dateline.demo.on-empty=false ${DL_ARGS:-}
ms=$(wait_health "$DL_PORT" "$DL_PID" 180) || { tail -50 "$WORK/dateline.log"; exit 1; }
log "healthy after $ms ms"

log "uploading a 4000x2667 photo"
"$JAVA" "$BENCH_DIR/MakePhoto.java" "$WORK/photo.jpg" 4000 2667 7
picture=$(curl -s -H "Authorization: Bearer $ADMIN_TOKEN" -F "file=@$WORK/photo.jpg;type=image/jpeg" \
    -F caption=Benchmark -F altText=Benchmark "http://127.0.0.1:$DL_PORT/api/admin/pictures")
path_of() { # crop index format -> path of that rendition
    python3 -c 'import json,sys; p=json.loads(sys.argv[1]); r=p["renditions"][sys.argv[2]][int(sys.argv[3])]; print(r[sys.argv[4]].split("//",1)[1].split("/",1)[1])' \
        "$picture" "$1" "$2" "$3"
}
JPEG_PATH=/$(path_of 16x9 1 jpeg)   # 640 wide: a teaser or a phone's lead picture
WEBP_PATH=/$(path_of 16x9 2 webp)   # 960 wide
echo "- renditions: $JPEG_PATH, $WEBP_PATH"

mkdir -p "$WORK/root"
for p in "$JPEG_PATH" "$WEBP_PATH"; do
    mkdir -p "$WORK/root$(dirname "$p")"
    t0=$(now_ms)
    curl -s -o "$WORK/root$p" "http://127.0.0.1:$DL_PORT$p"
    echo "- $p: $(stat -c %s "$WORK/root$p") bytes, made on first request in $(( $(now_ms) - t0 )) ms"
done
chmod -R a+rX "$WORK"

start_nginx "$WORK" "$NGINX_PORT" "image/jpeg jpg; image/webp webp;" "etag on; add_header Cache-Control \"public, max-age=31536000, immutable\";"
for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT$JPEG_PATH" && break; sleep 0.1; done
for p in "$JPEG_PATH" "$WEBP_PATH"; do
    cmp <(curl -s "http://127.0.0.1:$NGINX_PORT$p") <(curl -s "http://127.0.0.1:$DL_PORT$p") || {
        echo "nginx and Dateline serve different bytes for $p" >&2; exit 1; }
done
echo "- Dateline headers: $(curl -s -D - -o /dev/null "http://127.0.0.1:$DL_PORT$JPEG_PATH" | grep -i -E '^(content-type|content-length|cache-control):' | tr -d '\r' | paste -sd ' ' -)"

log "warming up (Dateline 20s, nginx 5s)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d20s "http://127.0.0.1:$DL_PORT$JPEG_PATH" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$DL_PORT$WEBP_PATH" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$NGINX_PORT$JPEG_PATH" >/dev/null

run() { # run NAME URL -> prints req/s
    local name=$1 url=$2 out="$WORK/wrk-$1.txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$url" >"$out"
    cat "$out" >>"$WORK/wrk-all.txt"
    local err
    err=$(wrk_errors "$out")
    [ "$err" = - ] || log "$name: $err"
    wrk_rps "$out"
}

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, alternating nginx then Dateline in each round"
echo
echo "| round | rendition | nginx req/s | Dateline req/s | Dateline / nginx |"
echo "|---|---|---:|---:|---:|"
for kind in jpeg webp; do
    p=$JPEG_PATH; [ "$kind" = webp ] && p=$WEBP_PATH
    sum_ng=0; sum_dl=0
    for r in $(seq 1 "$ROUNDS"); do
        ng=$(run "nginx-$kind-$r" "http://127.0.0.1:$NGINX_PORT$p")
        dl=$(run "dateline-$kind-$r" "http://127.0.0.1:$DL_PORT$p")
        echo "| $r | $kind $(basename "$p") | $ng | $dl | $(awk -v a="$dl" -v b="$ng" 'BEGIN { printf "%.0f%%", 100 * a / b }') |"
        sum_ng=$(awk -v s="$sum_ng" -v x="$ng" 'BEGIN { print s + x }')
        sum_dl=$(awk -v s="$sum_dl" -v x="$dl" 'BEGIN { print s + x }')
    done
    awk -v a="$sum_dl" -v b="$sum_ng" -v n="$ROUNDS" -v k="$kind" 'BEGIN {
        printf "%s mean: nginx %.0f req/s, Dateline %.0f req/s, Dateline / nginx %.0f%%\n", k, b / n, a / n, 100 * a / b }' >>"$WORK/means.txt"
done
echo
cat "$WORK/means.txt"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -q 'Non-2xx\|Socket errors' "$WORK/wrk-all.txt" && { echo "errors seen:"; grep -E 'Non-2xx|Socket errors' "$WORK/wrk-all.txt"; } || echo "no wrk errors (all responses 2xx)"
