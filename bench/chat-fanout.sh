#!/usr/bin/env bash
# Chat fan-out: reader accounts log in, C WebSocket connections subscribe across R article rooms, messages are
# posted at M per second for T seconds; every delivery to every socket is timed from the post's send.
# Default: Java 17 with 5,000 sockets, then Java 25 with 10,000; 500 rooms, 1,000 posts/s for 60 s after 60 s of
# warm-up; H2.
# Usage: bench/chat-fanout.sh
#   env: RUNS="17:5000 25:10000" ROOMS=500 RATE=1000 SECONDS_=60 POSTERS=500 DBS="h2 postgres"
#        VIA=socket (posts over the readers' own chat sockets, as a logged-in reader's page does) or VIA=http (the API)
#        INBOX=true (each socket also asks for its reader's unread counts, as a logged-in reader's page does; false: not)
#        WARMUP_S=60 (posting at the rate over the sockets before the measured run, its figures printed apart by 10 s;
#        0: none). A server just started compiles its hot code in its first minute or so under this load: the JIT's
#        threads took ~49 s of CPU over the first ~35 s, on two cores the server shares with the client)
#        CLIENT_JAVA=java CLIENT_HEAP=1g THREAD_DUMP_AT_S=20 JFR=1 (a flight recording of the server while posting; with KEEP_WORK=1)
# Each run: a fresh data dir (or PostgreSQL database) with the demo content (300 stories per edition); the server is
# stopped, reader accounts are written into its database (confirmed email, created three days ago, so not slowed
# as brand-new), and it is started again with the chat allowances raised for this one load generator (below).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/readers.sh"

PORT=18080
RUNS=${RUNS:-17:5000 25:10000}
ROOMS=${ROOMS:-500}
RATE=${RATE:-1000}
SECONDS_=${SECONDS_:-60}
POSTERS=${POSTERS:-500}
DBS=${DBS:-h2}
VIA=${VIA:-socket}
WARMUP_S=${WARMUP_S:-60}
INBOX=${INBOX:-true}
CLIENT_JAVA=${CLIENT_JAVA:-$JAVA17}
CLIENT_HEAP=${CLIENT_HEAP:-1g}
THREAD_DUMP_AT_S=${THREAD_DUMP_AT_S:-20}
PG_DB=dateline_bench_chat
WORK=$(mktemp -d /tmp/dateline-bench-chat.XXXXXX)
DL_PID=
# KEEP_WORK=1 keeps the work dir (server logs, thread dumps) and prints where it is.
cleanup() { stop_pid "$DL_PID"; if [ -n "${KEEP_WORK:-}" ]; then log "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT INT TERM

# Every post of this benchmark comes from 127.0.0.1, and 500 accounts post 2 messages a second each. The defaults
# (8 a minute per account, 60 a minute per address) stay as they are for everyone else; only this server run gets
# the documented settings an operator would use behind a proxy that hides client addresses.
PER_ACCOUNT=$(( (RATE * 60 / POSTERS) * 2 + 8 ))
PER_ADDRESS=$(( RATE * 60 * 2 ))
RATE_ARGS=(--dateline.chats.rate.messages-per-minute=$PER_ACCOUNT
           --dateline.chats.rate.messages-per-address-per-minute=$PER_ADDRESS)

# Server and client each hold one descriptor per socket (plus the posting connections): raise the soft limit to the
# hard one; both processes started below inherit it.
ulimit -n "$(ulimit -Hn)"
FDS=$(ulimit -n)

echo "## chat-fanout $(date -u +%Y-%m-%dT%H:%M:%SZ)"
machine_note
echo "- ulimit -n: $FDS (hard $(ulimit -Hn)); net.ipv4.ip_local_port_range: $(tr '\t' '-' </proc/sys/net/ipv4/ip_local_port_range); somaxconn: $(cat /proc/sys/net/core/somaxconn)"
echo "- client: $CLIENT_JAVA -Xmx$CLIENT_HEAP bench/ChatFanout.java (one selector thread for the sockets; posts $( [ "$VIA" = http ] && echo "through the JDK HttpClient" || echo "as frames on the posters' own sockets, written by the posting thread")), on the same 2 cores as the server"
echo "- rooms $ROOMS, $RATE posts/s for $SECONDS_ s (after $WARMUP_S s of warm-up at the same rate) from $POSTERS accounts; server started with ${RATE_ARGS[*]}"

javac -d "$WORK/classes" "$BENCH_DIR/ChatFanout.java"

# prepare DB DATA: first start (migrations, demo content), stop, write the accounts, list the articles
prepare() {
    local db=$1 data=$2 java=$3
    start_dateline "$java" "$PORT" "$data" "$WORK/first-start.log" --dateline.demo.per-edition=300
    wait_health "$PORT" "$DL_PID" 300 >/dev/null || { tail -50 "$WORK/first-start.log"; exit 1; }
    grep -o 'Loaded [0-9]* demo articles[^$]*' "$WORK/first-start.log" | head -1 | sed 's/^/- demo content: /'
    stop_pid "$DL_PID"
    DL_PID=
    prepare_readers "$db" "$data" "$POSTERS" "$PG_DB"
    echo "- prepared $POSTERS reader accounts and $(wc -l <"$WORK/articles.txt") live articles in the database"
}

for db in $DBS; do
    for spec in $RUNS; do
        version=${spec%%:*}
        n=${spec##*:}
        case $version in
            17) java=$JAVA17 ;;
            25) java=$JAVA25 ;;
            *) java=$version ;;
        esac
        jcmd="$(dirname "$(readlink -f "$(command -v "$java")")")/jcmd"
        if [ $((n + POSTERS + 1000)) -gt "$FDS" ]; then
            echo "WARNING: $n sockets need more than ulimit -n $FDS descriptors per process" >&2
        fi
        echo
        echo "### $db, java $version, $n sockets"
        data="$WORK/data-$db-$version-$n"
        use_database "$db" "$PG_DB" || continue
        prepare "$db" "$data" "$java"
        logfile="$WORK/dateline-$db-$version-$n.log"
        start_dateline "$java" "$PORT" "$data" "$logfile" "${RATE_ARGS[@]}"
        ms=$(wait_health "$PORT" "$DL_PID" 180) || { tail -50 "$logfile"; exit 1; }
        log "$db java $version healthy after $ms ms (pid $DL_PID); $n sockets"
        echo "- server: $("$java" -version 2>&1 | head -2 | tail -1); limit of the server process: $(awk '/Max open files/ { print $4 }' "/proc/$DL_PID/limits") open files"
        sleep 2
        dump="$WORK/threads-$db-$version-$n.txt"
        echo
        echo '```'
        "$CLIENT_JAVA" -Xmx"$CLIENT_HEAP" -cp "$WORK/classes" -Dchat.jcmd="$jcmd" -Dchat.connections="$n" \
            -Dchat.rooms="$ROOMS" -Dchat.via="$VIA" -Dchat.warmupS="$WARMUP_S" -Dchat.inbox="$INBOX" -Dchat.rate="$RATE" -Dchat.seconds="$SECONDS_" -Dchat.posters="$POSTERS" \
            -Dchat.threadDumpAtS="$THREAD_DUMP_AT_S" -Dchat.threadDumpFile="$dump" ${JFR:+-Dchat.jfrFile="$WORK/profile-$db-$version-$n.jfr"} \
            ChatFanout "http://127.0.0.1:$PORT" "$WORK/accounts.txt" "$WORK/articles.txt" "$DL_PID" \
            || echo "client exited with $?"
        echo '```'
        if [ -s "$dump" ]; then
            echo "- server threads in the dump taken ${THREAD_DUMP_AT_S} s into posting, by state of the busiest kinds:"
            awk '/^"/ { name = $0; sub(/^"/, "", name); sub(/".*/, "", name); gsub(/[0-9]+/, "N", name) }
                 /java.lang.Thread.State:/ { print name " " $2 }' "$dump" | sort | uniq -c | sort -rn | head -6 | sed 's/^/    /'
        fi
        server_log "$logfile"
        stop_pid "$DL_PID"
        DL_PID=
        rm -rf "$data"
    done
done
unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME
