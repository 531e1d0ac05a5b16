# Shared helpers of the bench scripts (sourced, not run). Loopback only; every load is bounded in time.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT_DIR=$(dirname "$BENCH_DIR")
JAR=${JAR:-$ROOT_DIR/target/dateline.jar}
JAVA17=${JAVA17:-java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
SEED_PATH=/en/russia/20070222/1-russia-us-look-to-boost-cooperation-on-terror-proliferation
ADMIN_TOKEN=${ADMIN_TOKEN:-bench-token}

[ -f "$JAR" ] || { echo "missing $JAR: run ./mvnw -o -q package -DskipTests" >&2; exit 1; }

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now_ms() { date +%s%3N; }

# wait_idle PID [MAX_SECONDS]: until the process used less than 5% of one core over 2 s (its change-log listeners
# caught up, its index built); gives up after MAX_SECONDS (default 1800) and goes on.
wait_idle() {
    local pid=$1 max=${2:-1800} hz a b i
    hz=$(getconf CLK_TCK)
    for i in $(seq 1 $((max / 2))); do
        a=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
        sleep 2
        b=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
        [ $(( (b - a) * 100 / (2 * hz) )) -lt 5 ] && return 0
    done
}

# start_dateline JAVA PORT DATA_DIR LOG_FILE [app args...]
# DL_LAUNCH, when set, replaces `-jar $JAR` (e.g. the extracted jar with its class-data-sharing archive).
# Starts Dateline in the background (extra environment passes through) and sets DL_PID and DL_START_MS.
start_dateline() {
    local java=$1 port=$2 data=$3 logfile=$4
    shift 4
    DL_START_MS=$(now_ms)
    SERVER_PORT=$port DATELINE_DATA_DIR=$data DATELINE_ADMIN_TOKEN=$ADMIN_TOKEN \
        "$java" ${JAVA_OPTS:-} ${DL_LAUNCH:--jar "$JAR"} "$@" >"$logfile" 2>&1 &
    DL_PID=$!
}

# before_after_work NAME: sets WORK to a fresh folder for a run of two builds; at exit both builds (B_PID, A_PID) are
# stopped and the folder removed.
before_after_work() {
    WORK=$(mktemp -d "/tmp/dateline-bench-$1.XXXXXX")
    B_PID=
    A_PID=
    trap 'stop_pid "$B_PID"; stop_pid "$A_PID"; rm -rf "$WORK"' EXIT INT TERM
}

# start_before_after JAVA PER_EDITION WORK PORT_BEFORE PORT_AFTER: loads --demo=PER_EDITION into WORK/data with the
# jar $BEFORE, then starts $BEFORE and $AFTER, each on its own copy of that folder (logs WORK/before.log and
# WORK/after.log), and waits until both are healthy and idle; sets B_PID and A_PID (the caller stops them).
start_before_after() {
    local java=$1 per_edition=$2 work=$3 port_before=$4 port_after=$5
    log "loading --demo=$per_edition with the before build"
    JAR=$BEFORE start_dateline "$java" "$port_before" "$work/data" "$work/load.log" --demo="$per_edition"
    wait_health "$port_before" "$DL_PID" 300 > /dev/null
    wait_idle "$DL_PID" 300
    stop_pid "$DL_PID"
    DL_PID=
    cp -r "$work/data" "$work/data-before"
    cp -r "$work/data" "$work/data-after"
    JAR=$BEFORE start_dateline "$java" "$port_before" "$work/data-before" "$work/before.log"
    B_PID=$DL_PID
    JAR=$AFTER start_dateline "$java" "$port_after" "$work/data-after" "$work/after.log"
    A_PID=$DL_PID
    wait_health "$port_before" "$B_PID" 300 > /dev/null
    wait_health "$port_after" "$A_PID" 300 > /dev/null
    wait_idle "$B_PID" 300
    wait_idle "$A_PID" 300
}

# wait_health PORT PID TIMEOUT_S: waits for /actuator/health to answer UP; prints ms since DL_START_MS.
wait_health() {
    local port=$1 pid=$2 timeout=${3:-120} deadline
    deadline=$(( $(now_ms) + timeout * 1000 ))
    while [ "$(now_ms)" -lt "$deadline" ]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "Dateline (pid $pid) exited before it was healthy" >&2
            return 1
        fi
        if curl -s --max-time 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
            echo $(( $(now_ms) - DL_START_MS ))
            return 0
        fi
        sleep 0.05
    done
    echo "Dateline on port $port not healthy within ${timeout}s" >&2
    return 1
}

# stop_pid PID: TERM, wait up to 20 s, then KILL. Only ever the pid we started.
stop_pid() {
    local pid=$1 i
    [ -n "$pid" ] || return 0
    kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null
    for i in $(seq 1 200); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 0
}

# server_log LOG_FILE: how many WARN/ERROR lines the server wrote, and the five most frequent.
server_log() {
    local errors
    errors=$(grep -c -E ' (ERROR|WARN) ' "$1" || true)
    echo "- server log: $errors WARN/ERROR lines"
    grep -E ' (ERROR|WARN) ' "$1" | sed -E 's/^[^ ]+ +//' | cut -c1-160 | sort | uniq -c | sort -rn | head -5 \
        | sed 's/^/    /' || true
}

# drop_database DB PG_DB: after a run on PostgreSQL (DB=postgres), drops the database use_database made.
drop_database() {
    if [ "$1" = postgres ]; then
        psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $2" >/dev/null
    fi
}

rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }
kb_to_mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# wrk_rps FILE: requests/s from a saved wrk output.
wrk_rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
# wrk_errors FILE: non-2xx/3xx and socket errors, or "-" when none.
wrk_errors() {
    local e
    e=$(grep -E 'Non-2xx|Socket errors' "$1" | tr -s ' ' | paste -sd ';' -)
    echo "${e:--}"
}
# wrk_pct FILE PCT: the latency at a percentile of a saved `wrk --latency` output, in ms.
wrk_pct() {
    awk -v p="$2%" '
        $1 == p {
            v = $2
            if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
            else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
            else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
            else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.3f", v * 60000 }
            exit
        }' "$1"
}

machine_note() {
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
    echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- java 17: $("$JAVA17" -version 2>&1 | head -2 | tail -1)"
    [ -x "$JAVA25" ] && echo "- java 25: $("$JAVA25" -version 2>&1 | head -2 | tail -1)"
    command -v nginx >/dev/null && echo "- $(nginx -v 2>&1)"
    command -v wrk >/dev/null && echo "- $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
    if [ "$JAR" = "$ROOT_DIR/target/dateline.jar" ]; then
        echo "- jar: $JAR (built from the sources of commit $(cd "$ROOT_DIR" && git log -1 --format=%h -- src pom.xml 2>/dev/null))"
    else
        echo "- jar: $JAR (given; built $(date -u -r "$JAR" +%Y-%m-%dT%H:%MZ))"
    fi
}

# use_database DB PG_DB: points the servers started next at a fresh PostgreSQL database PG_DB (DB=postgres: dropped
# and created again) or at the embedded H2 default (any other DB), and prints which. Returns 1 when no PostgreSQL
# answers on 127.0.0.1:5432.
use_database() {
    if [ "$1" != postgres ]; then
        unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME
        echo "- database: embedded H2 (file in the data dir)"
        return 0
    fi
    if ! psql -h 127.0.0.1 -U postgres -qc 'select 1' >/dev/null 2>&1; then
        log "no PostgreSQL on 127.0.0.1:5432; skipping"
        return 1
    fi
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $2" >/dev/null
    psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $2" >/dev/null
    export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$2 SPRING_DATASOURCE_USERNAME=postgres
    echo "- database: PostgreSQL $(psql -h 127.0.0.1 -U postgres -Atc 'show server_version') on 127.0.0.1:5432 (same machine)"
}

# start_nginx WORK PORT TYPES [SERVER_DIRECTIVES]: nginx serving WORK/root on 127.0.0.1:PORT in the foreground of a
# background job (sets NGINX_PID), with TYPES the body of its `types` block and keep-alive as a benchmark client
# uses it; the caller kills NGINX_PID when done.
start_nginx() {
    local work=$1 port=$2 types=$3 extra=${4:-}
    mkdir -p "$work/nginx/logs"
    cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    keepalive_timeout 65s;
    client_body_temp_path $work/nginx/client_body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    types { $types }
    server {
        listen 127.0.0.1:$port;
        root $work/root;
        $extra
    }
}
NGINX
    nginx -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf"
    nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
    NGINX_PID=$!
}
