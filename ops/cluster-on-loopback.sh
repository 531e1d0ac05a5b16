#!/usr/bin/env bash
# The cluster of docs/operations.md, started on loopback and checked end to end: Debian's nginx terminating TLS (a
# self-signed certificate made here) in front of two Dateline nodes on one PostgreSQL database, forwarded headers
# trusted from nginx only. Through https://127.0.0.1:$PROXY_PORT it then checks a staff login (first password
# change included) valid on both nodes, a publish through the admin API that both nodes show and that the newsfeed
# stream delivers through nginx, two readers who register, confirm and log in, and a chat exchange between them
# over WebSocket, each connection on another node. Everything it started is stopped, and its database dropped, at
# the end; it exits non-zero on the first failed check.
#
# Usage: ops/cluster-on-loopback.sh   (builds target/dateline.jar first when it is missing)
# Needs: nginx (apt-get install nginx-light), openssl, curl, psql, a JDK, PostgreSQL on 127.0.0.1:5432 (user
# postgres, trust). Env: PROXY_PORT=18443 NODE_A_PORT=18181 NODE_B_PORT=18182 JAVA=java
# The generated nginx.conf is docs/operations.md's, plus one thing for the checks: a request header
# X-Dateline-Node: a|b pins a request to one node.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROXY_PORT=${PROXY_PORT:-18443}
NODE_A_PORT=${NODE_A_PORT:-18181}
NODE_B_PORT=${NODE_B_PORT:-18182}
JAVA=${JAVA:-java}
BASE=https://127.0.0.1:$PROXY_PORT
DB=dateline_cluster_$$
STARTED_AT=$(date +%s)

fail() { echo "FAILED: $*" >&2; exit 1; }
missing=
for tool in nginx openssl curl psql keytool "$JAVA"; do
    command -v "$tool" >/dev/null || missing="$missing $tool"
done
[ -z "$missing" ] || fail "missing:$missing (Debian: apt-get install -y nginx-light openssl curl postgresql-client)"
psql -h 127.0.0.1 -U postgres -qAtc 'select 1' >/dev/null 2>&1 \
    || fail "no PostgreSQL on 127.0.0.1:5432 (user postgres, trust): pg_ctlcluster <version> main start"
for port in "$PROXY_PORT" "$NODE_A_PORT" "$NODE_B_PORT"; do
    ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || fail "port $port is in use; set PROXY_PORT/NODE_*_PORT"
done
if [ ! -f "$ROOT/target/dateline.jar" ]; then
    echo "building target/dateline.jar"
    (cd "$ROOT" && ./mvnw -q -DskipTests -Ddateline.cds.skip=true package)
fi

ADMIN_TOKEN=cluster-$(openssl rand -hex 16)
source "$ROOT/bench/lib.sh"

WORK=$(mktemp -d /tmp/dateline-cluster.XXXXXX)
NODE_A_PID= NODE_B_PID= NGINX_PID= SSE_PID=
exec 3>&1 # the script's output, for cleanup: a signal may come while a command's output goes to a file
cleanup() {
    status=$?
    set +e
    exec 1>&3
    [ -n "$SSE_PID" ] && kill "$SSE_PID" 2>/dev/null
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
    stop_pid "$NODE_A_PID"
    stop_pid "$NODE_B_PID"
    if [ "$status" != 0 ]; then
        for f in "$WORK"/a/node.log "$WORK"/b/node.log "$WORK"/nginx/error.log; do
            [ -f "$f" ] && { echo "--- last lines of $f" >&2; tail -25 "$f" >&2; }
        done
    fi
    psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
    echo "$( [ "$status" = 0 ] && echo PASSED || echo FAILED ) in $(( $(date +%s) - STARTED_AT )) s"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "database $DB on 127.0.0.1:5432; work folder $WORK"
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB" >/dev/null

# --- TLS: a certificate for 127.0.0.1, and a trust store holding it for the Java chat client
mkdir -p "$WORK/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$WORK/tls/key.pem" -out "$WORK/tls/cert.pem" 2>/dev/null
keytool -importcert -noprompt -alias dateline -file "$WORK/tls/cert.pem" -keystore "$WORK/tls/trust.p12" \
    -storetype PKCS12 -storepass changeit >/dev/null 2>&1

# --- the nodes: same database and secrets, each its own data folder and node id
STAFF_EMAIL=chief@cluster.test
STAFF_PASSWORD=first-$(openssl rand -hex 8)
export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$DB SPRING_DATASOURCE_USERNAME=postgres \
    SERVER_ADDRESS=127.0.0.1 DATELINE_BASE_URL=$BASE DATELINE_TRUSTED_PROXIES=127.0.0.1 \
    DATELINE_FIRST_ADMIN_EMAIL=$STAFF_EMAIL DATELINE_FIRST_ADMIN_PASSWORD=$STAFF_PASSWORD \
    DATELINE_DEMO_PER_EDITION=5
# One after the other: the first start migrates the schema and loads the demo content.
for node in a b; do
    port=$([ $node = a ] && echo "$NODE_A_PORT" || echo "$NODE_B_PORT")
    mkdir -p "$WORK/$node"
    DATELINE_NODE_ID=node-$node start_dateline "$JAVA" "$port" "$WORK/$node/data" "$WORK/$node/node.log"
    [ $node = a ] && NODE_A_PID=$DL_PID || NODE_B_PID=$DL_PID
    # Not in $(…): a subshell would hold off Ctrl-C until the node is up.
    wait_health "$port" "$DL_PID" 180 >"$WORK/$node/ready-ms" || fail "node $node did not become healthy"
    log "node $node healthy on 127.0.0.1:$port after $(cat "$WORK/$node/ready-ms") ms"
done

# --- nginx: TLS, the two nodes, WebSocket and SSE proxied, forwarded headers set (not passed on from the client)
mkdir -p "$WORK/nginx"
chmod 711 "$WORK" "$WORK/nginx" # nginx's workers (nobody, when started as root) reach their temp folders
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log $WORK/nginx/access.log;
    client_body_temp_path $WORK/nginx/client_body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;

    upstream dateline {
        server 127.0.0.1:$NODE_A_PORT max_fails=3 fail_timeout=10s;
        server 127.0.0.1:$NODE_B_PORT max_fails=3 fail_timeout=10s;
        keepalive 16;
    }
    # For the checks only: X-Dateline-Node pins a request to one node.
    upstream dateline_a { server 127.0.0.1:$NODE_A_PORT; }
    upstream dateline_b { server 127.0.0.1:$NODE_B_PORT; }
    map \$http_x_dateline_node \$dateline_upstream { default dateline; a dateline_a; b dateline_b; }

    map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }

    server {
        listen 127.0.0.1:$PROXY_PORT ssl http2;
        ssl_certificate $WORK/tls/cert.pem;
        ssl_certificate_key $WORK/tls/key.pem;
        client_max_body_size 20m;

        proxy_http_version 1.1;
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$remote_addr;
        proxy_set_header X-Forwarded-Proto \$scheme;
        proxy_set_header X-Forwarded-Host \$host;
        proxy_set_header X-Forwarded-Port \$server_port;
        proxy_set_header Upgrade \$http_upgrade;
        proxy_set_header Connection \$connection_upgrade;

        location / {
            proxy_pass http://\$dateline_upstream;
        }
        location /ws/ {
            proxy_pass http://\$dateline_upstream;
            proxy_read_timeout 1h;
            proxy_send_timeout 1h;
        }
        location ~ ^/[a-z]+/newsfeed/stream\$ {
            proxy_pass http://\$dateline_upstream;
            proxy_buffering off;
            proxy_read_timeout 1h;
        }
    }
}
EOF
nginx -t -q -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" || fail "nginx -t"
nginx -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!

# --- helpers: curl through nginx (trusting only our certificate), pinned to a node
c() { curl -sS --cacert "$WORK/tls/cert.pem" --max-time 20 "$@"; }
on() { echo "X-Dateline-Node: $1"; }
csrf_of() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
cookies_of() { awk '{ sub(/^#HttpOnly_/, "") } /^#/ || NF < 7 { next } { printf "%s%s=%s", n++ ? "; " : "", $6, $7 }' "$1"; }
# until_ok SECONDS COMMAND...: retries the command until it succeeds
until_ok() {
    local deadline=$(( $(date +%s) + $1 ))
    shift
    until "$@" >/dev/null 2>&1; do
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}

until_ok 10 c -f "$BASE/actuator/health" || fail "nginx does not answer on $BASE"
for node in a b; do
    c -H "$(on $node)" "$BASE/actuator/health" | grep -q '"status":"UP"' || fail "node $node unhealthy through nginx"
done
echo "ok: both nodes UP through nginx at $BASE"

headers=$(c -D - -o /dev/null "$BASE/account/login")
grep -qi '^strict-transport-security: max-age=' <<<"$headers" || fail "no HSTS through the proxy"
grep -qi '^set-cookie: XSRF-TOKEN=.*; Secure' <<<"$headers" || fail "CSRF cookie not Secure through the proxy"
# Anyone but nginx (127.0.0.2 here) may send the same header to a node directly: it is not believed.
[ -z "$(curl -sS -D - -o /dev/null --interface 127.0.0.2 -H 'X-Forwarded-Proto: https' \
    "http://127.0.0.1:$NODE_A_PORT/account/login" | grep -i '^strict-transport-security')" ] \
    || fail "a node believed X-Forwarded-Proto from 127.0.0.2"
echo "ok: HSTS and Secure cookies through nginx; X-Forwarded-Proto from elsewhere ignored"

# --- staff: log in through node a, change the first password, use the session on node b
jar=$WORK/staff.jar
token=$(c -c "$jar" -b "$jar" -H "$(on a)" "$BASE/login" | csrf_of)
location=$(c -c "$jar" -b "$jar" -H "$(on a)" -o /dev/null -w '%{redirect_url}' --data-urlencode "username=$STAFF_EMAIL" \
    --data-urlencode "password=$STAFF_PASSWORD" --data-urlencode "_csrf=$token" "$BASE/login")
[ "$location" = "$BASE/newsroom" ] || fail "staff login led to '$location'"
location=$(c -b "$jar" -H "$(on b)" -o /dev/null -w '%{redirect_url}' "$BASE/newsroom")
[ "$location" = "$BASE/newsroom/password" ] || fail "node b sent the new login to '$location', not to the password change"
token=$(c -c "$jar" -b "$jar" -H "$(on b)" "$BASE/newsroom/password" | csrf_of)
new_password=changed-$(openssl rand -hex 8)
status=$(c -c "$jar" -b "$jar" -H "$(on b)" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$token" \
    --data-urlencode "currentPassword=$STAFF_PASSWORD" --data-urlencode "password=$new_password" \
    "$BASE/newsroom/password")
[ "$status" = 302 ] || fail "password change answered $status"
for node in a b; do
    status=$(c -b "$jar" -H "$(on $node)" -o /dev/null -w '%{http_code}' "$BASE/newsroom")
    [ "$status" = 200 ] || fail "newsroom on node $node answered $status"
done
echo "ok: staff login on node a, password changed on node b, newsroom open on both"

# --- the newsfeed stream through nginx (node b), then a publish through node a
c -N -H "$(on b)" "$BASE/en/newsfeed/stream" --max-time 60 >"$WORK/stream.txt" 2>/dev/null &
SSE_PID=$!
until_ok 10 grep -q '^:newsfeed' "$WORK/stream.txt" || fail "newsfeed stream did not open through nginx"
headline="Cluster check $(date +%H%M%S) $$"
article=$(c -D "$WORK/publish.headers" -H "$(on a)" -H "Authorization: Bearer $ADMIN_TOKEN" \
    -H 'Content-Type: application/json' "$BASE/api/admin/articles" -d "{\"edition\":\"en\",\"section\":\"russia\",
    \"headline\":\"$headline\",\"lead\":\"Two nodes, one database, one proxy in front.\",
    \"body\":[\"Published through nginx on node a.\"],\"datelinePlace\":\"MOSCOW\",\"credit\":\"Dateline\"}")
grep -q '^HTTP/[0-9.]* 201' "$WORK/publish.headers" || fail "publish answered: $(head -1 "$WORK/publish.headers") $article"
id=$(grep -o '"id":[0-9]*' <<<"$article" | head -1 | cut -d: -f2)
path=$(sed -n 's/^location: *//Ip' "$WORK/publish.headers" | tr -d '\r' | sed "s#^$BASE##")
echo "ok: published article $id at $path through node a"
until_ok 10 grep -q "$headline" "$WORK/stream.txt" || fail "the newsfeed stream through nginx (node b) did not deliver it"
echo "ok: the newsfeed stream on node b delivered it through nginx"
kill "$SSE_PID" 2>/dev/null
SSE_PID=
for port in "$NODE_A_PORT" "$NODE_B_PORT"; do
    until_ok 10 sh -c "curl -sf 'http://127.0.0.1:$port$path' | grep -q '$headline'" \
        || fail "the article is not on the node at 127.0.0.1:$port"
done
echo "ok: the article is on the public site of both nodes"

# --- two readers: register through one node, confirm through the other, log in
reader() { # reader N REGISTER_NODE CONFIRM_NODE: leaves the logged-in reader's cookies in $WORK/readerN.jar
    local n=$1 jar=$WORK/reader$1.jar email=reader$1-$$@cluster.test password=reader-$1-$(openssl rand -hex 8)
    local token status link
    token=$(c -c "$jar" -b "$jar" -H "$(on "$2")" "$BASE/account/register" | csrf_of)
    status=$(c -c "$jar" -b "$jar" -H "$(on "$2")" -o /dev/null -w '%{http_code}' --data-urlencode "email=$email" \
        --data-urlencode "displayName=Reader $n" --data-urlencode "password=$password" \
        --data-urlencode "_csrf=$token" --data-urlencode lang=en "$BASE/account/register")
    [ "$status" = 200 ] || fail "registration of reader $n answered $status"
    # No SMTP server here: the confirmation mail is an .eml file in the outbox of the node that registered.
    until_ok 10 sh -c "grep -l 'To: $email' '$WORK/$2/data/mail/outbox/'*.eml" || fail "no mail for $email"
    link=$(tr -d '\r' <"$(grep -l "To: $email" "$WORK/$2/data/mail/outbox/"*.eml)" \
        | sed -e ':a' -e '/=$/{N;s/=\n//;ba' -e '}' -e 's/=3D/=/g' \
        | grep -o "$BASE/account/confirm?token=[A-Za-z0-9_-]*" | head -1)
    [ -n "$link" ] || fail "no confirmation link in the mail to $email"
    status=$(c -H "$(on "$3")" -o /dev/null -w '%{http_code}' "$link")
    [ "$status" = 200 ] || fail "confirmation of reader $n answered $status"
    token=$(c -c "$jar" -b "$jar" -H "$(on "$3")" "$BASE/account/login" | csrf_of)
    link=$(c -c "$jar" -b "$jar" -H "$(on "$3")" -o /dev/null -w '%{redirect_url}' --data-urlencode "email=$email" \
        --data-urlencode "password=$password" --data-urlencode "_csrf=$token" --data-urlencode remember-me=on \
        "$BASE/account/login")
    [ "$link" = "$BASE/account" ] || fail "login of reader $n led to '$link'"
    grep -q DATELINE_REMEMBER "$jar" || fail "no remember-me cookie for reader $n"
    c -b "$jar" -H "$(on "$2")" "$BASE/account/me" | grep -q "\"displayName\":\"Reader $n\"" \
        || fail "node $2 does not know reader $n's login"
    echo "ok: reader $n registered on node $2, confirmed and logged in on node $3, known on node $2"
}
reader 1 a b
reader 2 b a

# --- chat over WebSocket through nginx: reader 1 on node a, reader 2 on node b
"$JAVA" -Djavax.net.ssl.trustStore="$WORK/tls/trust.p12" -Djavax.net.ssl.trustStorePassword=changeit \
    "$ROOT/ops/ClusterChat.java" "$BASE" "$id" "$(cookies_of "$WORK/reader1.jar")" "$(cookies_of "$WORK/reader2.jar")" \
    || fail "chat exchange"
echo "ok: chat messages exchanged over WebSocket through nginx, across the two nodes"
