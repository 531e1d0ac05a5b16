#!/usr/bin/env bash
# Breaking-news alerts on one node: N subscribers follow an edition's breaking news (a share of them by Web Push,
# the rest by email); one story is published as breaking news through the admin API, and the script times, from the
# publish, when every alert is queued (the story's alert counts in the admin API) and when every one is handed to
# the local SMTP and push sinks (bench/AlertSinks.java, counted there: nothing duplicated, nothing lost). The publish
# itself is timed side by side: breaking publishes before the subscribers are written, and after.
# Usage: bench/alerts.sh
#   env: SUBSCRIBERS=100000 PUSH_SHARE=20 (per cent by push; needs a build with a PushSender, else 0) DB=h2|postgres
#        PUBLISHES=5 (timed publishes each side) TIMEOUT_S=300 JAVA=java ALERT_ARGS="" (extra --dateline.alerts.*)
#        KEEP_WORK=1 (keeps the work folder: server logs, sink log)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SUBSCRIBERS=${SUBSCRIBERS:-100000}
PUSH_SHARE=${PUSH_SHARE:-20}
DB=${DB:-h2}
PUBLISHES=${PUBLISHES:-5}
TIMEOUT_S=${TIMEOUT_S:-300}
JAVA=${JAVA:-$JAVA17}
ALERT_ARGS=${ALERT_ARGS:-}
PORT=18180
SMTP_PORT=18181
PUSH_PORT=18182
PG_DB=dateline_bench_alerts
WORK=$(mktemp -d /tmp/dateline-bench-alerts.XXXXXX)
DL_PID=
SINK_PID=
cleanup() { stop_pid "$DL_PID"; stop_pid "$SINK_PID"; drop_database "$DB" "$PG_DB"; [ -n "${KEEP_WORK:-}" ] && echo "kept $WORK" || rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

echo "## alerts $(date -u +%FT%TZ)"
machine_note
use_database "$DB" "$PG_DB"
echo "- $SUBSCRIBERS breaking-news subscribers of the en edition, $PUSH_SHARE % of them by push; one node"

"$JAVA" "$BENCH_DIR/AlertSinks.java" "$SMTP_PORT" "$PUSH_PORT" "$WORK/keys.txt" >"$WORK/sinks.log" 2>&1 &
SINK_PID=$!
for i in $(seq 1 100); do grep -q "sinks ready" "$WORK/sinks.log" 2>/dev/null && break; sleep 0.2; done
grep -q "sinks ready" "$WORK/sinks.log" || { cat "$WORK/sinks.log"; exit 1; }
read -r P256DH AUTH <"$WORK/keys.txt"

SERVER_ARGS=(--dateline.demo.per-edition=20 --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT"
    --dateline.alerts.push.allow-local=true --logging.level.root=warn $ALERT_ARGS)
API="http://127.0.0.1:$PORT/api/admin/articles"

# publish_breaking HEADLINE: prints "id ms" of a breaking-news publish through the admin API
publish_breaking() {
    local body out
    body=$(printf '{"edition":"en","section":"world","headline":"%s","lead":"A lead sentence for the bench.","body":["One paragraph."],"datelinePlace":"MOSCOW","credit":"Dateline","breaking":true}' "$1")
    out=$(curl -s -o "$WORK/publish.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $ADMIN_TOKEN" \
        -H 'Content-Type: application/json' -d "$body" "$API")
    [ "${out%% *}" = 201 ] || { echo "publish answered ${out%% *}: $(cat "$WORK/publish.json")" >&2; exit 1; }
    echo "$(grep -o '"id":[0-9]*' "$WORK/publish.json" | head -1 | cut -d: -f2) $(awk -v t="${out#* }" 'BEGIN { printf "%.1f", t * 1000 }')"
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

log "first start: migrations and demo content"
start_dateline "$JAVA" "$PORT" "$WORK/data" "$WORK/first.log" "${SERVER_ARGS[@]}"
wait_health "$PORT" "$DL_PID" 300 >/dev/null || { tail -40 "$WORK/first.log"; exit 1; }
wait_idle "$DL_PID" 300
for i in $(seq 1 "$PUBLISHES"); do publish_breaking "Bench without subscribers $i" | cut -d' ' -f2; done >"$WORK/without.txt"
sleep 3 # the worker expands these stories' jobs (to no one) before the stop: left open, they would reach the subscribers
stop_pid "$DL_PID"
DL_PID=

log "writing $SUBSCRIBERS subscribers"
subscribers_sql() { # $1 = the row source of 1..SUBSCRIBERS as column x
    cat <<SQL
INSERT INTO subscribers (email, edition, time_zone, digest_hour, confirmed_at, manage_key, created_at)
SELECT 'bench-' || x || '@alerts.test', 'en', 'UTC', 7, CURRENT_TIMESTAMP, 'bench-key-' || x, CURRENT_TIMESTAMP FROM $1;
INSERT INTO subscriptions (subscriber_id, topic, edition, target_id, delivery, created_at)
SELECT id, 'BREAKING', 'en', 0, CASE WHEN MOD(id, 100) < $PUSH_SHARE THEN 'PUSH' ELSE 'EMAIL' END, CURRENT_TIMESTAMP
FROM subscribers WHERE email LIKE 'bench-%';
INSERT INTO push_endpoints (subscriber_id, endpoint, p256dh, auth, created_at)
SELECT subscriber_id, 'http://127.0.0.1:$PUSH_PORT/push/' || subscriber_id, '$P256DH', '$AUTH', CURRENT_TIMESTAMP
FROM subscriptions WHERE delivery = 'PUSH' AND topic = 'BREAKING';
SQL
}
if [ "$DB" = postgres ]; then
    subscribers_sql "generate_series(1, $SUBSCRIBERS) AS g(x)" | psql -h 127.0.0.1 -U postgres -d $PG_DB -q -v ON_ERROR_STOP=1
else
    mkdir -p "$WORK/lib"
    (cd "$WORK/lib" && unzip -q -o -j "$JAR" 'BOOT-INF/lib/h2-*.jar')
    subscribers_sql "SYSTEM_RANGE(1, $SUBSCRIBERS) AS r(x)" >"$WORK/subscribers.sql"
    "$JAVA" -cp "$(ls "$WORK"/lib/h2-*.jar)" org.h2.tools.RunScript \
        -url "jdbc:h2:file:$WORK/data/db/dateline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
        -user sa -password '' -script "$WORK/subscribers.sql"
fi
EXPECTED_PUSH=$(( SUBSCRIBERS / 100 * PUSH_SHARE + (SUBSCRIBERS % 100 > PUSH_SHARE ? PUSH_SHARE : SUBSCRIBERS % 100) ))

start_dateline "$JAVA" "$PORT" "$WORK/data" "$WORK/run.log" "${SERVER_ARGS[@]}"
wait_health "$PORT" "$DL_PID" 300 >/dev/null || { tail -40 "$WORK/run.log"; exit 1; }
wait_idle "$DL_PID" 300

log "publishing the breaking story"
read -r ID PUBLISH_MS < <(publish_breaking "Bench breaking news for $SUBSCRIBERS")
T0=$(now_ms)
QUEUED_MS=
DONE_MS=
while [ $(( $(now_ms) - T0 )) -lt $(( TIMEOUT_S * 1000 )) ]; do
    counts=$(curl -s -H "Authorization: Bearer $ADMIN_TOKEN" "$API/$ID" | grep -o '"alerts":{[^}]*}')
    queued=$(echo "$counts" | grep -o '"queued":[0-9]*' | cut -d: -f2)
    sent=$(echo "$counts" | grep -o '"sent":[0-9]*' | cut -d: -f2)
    failed=$(echo "$counts" | grep -o '"failed":[0-9]*' | cut -d: -f2)
    total=$(( ${queued:-0} + ${sent:-0} + ${failed:-0} ))
    [ -z "$QUEUED_MS" ] && [ "$total" -ge "$SUBSCRIBERS" ] && QUEUED_MS=$(( $(now_ms) - T0 ))
    if [ "$(( ${sent:-0} + ${failed:-0} ))" -ge "$SUBSCRIBERS" ]; then
        DONE_MS=$(( $(now_ms) - T0 ))
        break
    fi
    sleep 0.2
done
STATS=$(curl -s "http://127.0.0.1:$PUSH_PORT/stats")
for i in $(seq 1 "$PUBLISHES"); do publish_breaking "Bench with subscribers $i" | cut -d' ' -f2; done >"$WORK/with.txt"

stat() { echo "$STATS" | grep -o "\"$1\":[0-9]*" | cut -d: -f2; }
echo
echo "| what | figure |"
echo "|---|---:|"
echo "| breaking publish, median of $PUBLISHES, no subscribers | $(median <"$WORK/without.txt") ms |"
echo "| breaking publish, median of $PUBLISHES, $SUBSCRIBERS subscribers | $(median <"$WORK/with.txt") ms |"
echo "| the measured publish | $PUBLISH_MS ms |"
echo "| publish → all $SUBSCRIBERS queued | ${QUEUED_MS:-not within $TIMEOUT_S s} ms |"
echo "| publish → all handed over (sent + failed) | ${DONE_MS:-not within $TIMEOUT_S s} ms |"
[ -n "$DONE_MS" ] && echo "| alerts per second | $(awk -v n="$SUBSCRIBERS" -v ms="$DONE_MS" 'BEGIN { printf "%.0f", n * 1000 / ms }') |"
echo "| counts at the end: queued / sent / failed | ${queued:-?} / ${sent:-?} / ${failed:-?} |"
echo "| mail sink: mails / distinct Message-IDs (expected $(( SUBSCRIBERS - EXPECTED_PUSH ))) | $(stat mails) / $(stat mailIds) |"
echo "| push sink: pushes / distinct endpoints (expected $EXPECTED_PUSH) | $(stat pushes) / $(stat pushEndpoints) |"
echo
echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
server_log "$WORK/run.log"
