#!/usr/bin/env bash
# Newsfeed fan-out: N SSE subscribers, 10 publishes through the admin API, delivery latency per subscriber.
# Default: Java 17 with 5,000 subscribers, then Java 25 with 10,000. Each run on a fresh data dir (demo content).
# Usage: bench/newsfeed-fanout.sh   (env: RUNS="17:5000 25:10000" PUBLISHES=10 CLIENT_JAVA=java CLIENT_HEAP=1g)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PORT=18080
RUNS=${RUNS:-17:5000 25:10000}
PUBLISHES=${PUBLISHES:-10}
CLIENT_JAVA=${CLIENT_JAVA:-$JAVA17}
CLIENT_HEAP=${CLIENT_HEAP:-1g}
WORK=$(mktemp -d /tmp/dateline-bench-fanout.XXXXXX)
DL_PID=
cleanup() { stop_pid "$DL_PID"; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

# Server and client each hold one descriptor per subscriber (plus jars, H2, epoll): raise the soft limit to the
# hard one; it is inherited by both processes started below.
ulimit -n "$(ulimit -Hn)"
FDS=$(ulimit -n)

echo "## newsfeed-fanout $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
echo "- ulimit -n: $FDS (hard $(ulimit -Hn)); net.ipv4.ip_local_port_range: $(tr '\t' '-' </proc/sys/net/ipv4/ip_local_port_range); somaxconn: $(cat /proc/sys/net/core/somaxconn)"
echo "- client: $CLIENT_JAVA -Xmx$CLIENT_HEAP bench/NewsfeedFanout.java (one selector thread, non-blocking sockets)"

javac -d "$WORK/classes" "$BENCH_DIR/NewsfeedFanout.java"

for spec in $RUNS; do
    version=${spec%%:*}
    n=${spec##*:}
    case $version in
        17) java=$JAVA17 ;;
        25) java=$JAVA25 ;;
        *) java=$version ;;
    esac
    jcmd="$(dirname "$(readlink -f "$(command -v "$java")")")/jcmd"
    if [ $((n + 500)) -gt "$FDS" ]; then
        echo "WARNING: $n subscribers need more than ulimit -n $FDS descriptors per process" >&2
    fi
    echo
    echo "### java $version, $n subscribers"
    data="$WORK/data-$version-$n"
    logfile="$WORK/dateline-$version-$n.log"
    start_dateline "$java" "$PORT" "$data" "$logfile"
    ms=$(wait_health "$PORT" "$DL_PID" 180) || { tail -50 "$logfile"; exit 1; }
    log "java $version healthy after $ms ms (pid $DL_PID); $n subscribers"
    echo "- server: $("$java" -version 2>&1 | head -2 | tail -1); limit of the server process: $(awk '/Max open files/ { print $4 }' "/proc/$DL_PID/limits") open files"
    sleep 2
    echo
    echo '```'
    "$CLIENT_JAVA" -Xmx"$CLIENT_HEAP" -cp "$WORK/classes" -Dfanout.publishes="$PUBLISHES" -Dfanout.jcmd="$jcmd" \
        NewsfeedFanout "http://127.0.0.1:$PORT" "$n" "$ADMIN_TOKEN" "$DL_PID" || echo "client exited with $?"
    echo '```'
    errors=$(grep -c -E ' (ERROR|WARN) ' "$logfile" || true)
    echo "- server log before shutdown: $errors WARN/ERROR lines"
    grep -E ' (ERROR|WARN) ' "$logfile" | sed -E 's/^[^ ]+ +//' | cut -c1-160 | sort | uniq -c | sort -rn | head -5 | sed 's/^/    /'
    t0=$(now_ms)
    kill "$DL_PID"
    for _ in $(seq 1 1200); do kill -0 "$DL_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$DL_PID" 2>/dev/null; then
        echo "- graceful shutdown did not finish in 120 s: killed"
        kill -9 "$DL_PID"
    fi
    wait "$DL_PID" 2>/dev/null || true
    echo "- shutdown (SIGTERM to exit) after the subscribers had disconnected: $(( $(now_ms) - t0 )) ms;" \
        "server log then holds $(wc -l <"$logfile") lines, $(grep -c 'Unexpected API failure' "$logfile" || true) 'Unexpected API failure'"
    DL_PID=
done
