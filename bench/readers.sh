# Reader accounts and live articles for the bench clients that log in (sourced after lib.sh, not run).
# prepare_readers DB DATA_DIR N PG_DB: with the server stopped, writes N reader accounts into its database (H2 in
# DATA_DIR, or PostgreSQL PG_DB when DB=postgres) and, under $WORK, accounts.txt ("email password" per line) and
# articles.txt (the ids of the live articles), as bench/ChatFanout.java reads them.

prepare_readers() {
    local db=$1 data=$2 n=$3 pg_db=${4:-} password hash
    mkdir -p "$WORK/lib"
    (cd "$WORK/lib" && unzip -q -o -j "$JAR" 'BOOT-INF/lib/spring-security-crypto-*.jar' \
        'BOOT-INF/lib/commons-logging-*.jar' 'BOOT-INF/lib/h2-*.jar')
    cat >"$WORK/Hash.java" <<'EOF'
public class Hash {
    public static void main(String[] args) {
        System.out.println(org.springframework.security.crypto.factory.PasswordEncoderFactories
                .createDelegatingPasswordEncoder().encode(args[0]));
    }
}
EOF
    password="chat-bench-passphrase-$(date +%s)"
    hash=$("$JAVA17" -cp "$WORK/lib/*" "$WORK/Hash.java" "$password")
    for i in $(seq 1 "$n"); do echo "chat-bench-$i@dateline.test $password"; done >"$WORK/accounts.txt"
    if [ "$db" = postgres ]; then
        readers_sql "$hash" "generate_series(1, $n) AS g(x)" | psql -h 127.0.0.1 -U postgres -d "$pg_db" -q -v ON_ERROR_STOP=1
        psql -h 127.0.0.1 -U postgres -d "$pg_db" -Atc "SELECT id FROM articles WHERE state = 'LIVE' ORDER BY id" >"$WORK/articles.txt"
    else
        local url="jdbc:h2:file:$data/db/dateline;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
        { readers_sql "$hash" "SYSTEM_RANGE(1, $n) AS r(x)"
          echo "CALL CSVWRITE('$WORK/articles.txt', 'SELECT id FROM articles WHERE state = ''LIVE'' ORDER BY id', 'writeColumnHeader=false');"
        } >"$WORK/prepare.sql"
        "$JAVA17" -cp "$(ls "$WORK"/lib/h2-*.jar)" org.h2.tools.RunScript -url "$url" -user sa -password '' -script "$WORK/prepare.sql"
        sed -i 's/"//g' "$WORK/articles.txt"
    fi
}

# readers_sql HASH ROWSOURCE: the INSERT of the accounts chat-bench-<x>@dateline.test for x of ROWSOURCE (column x).
readers_sql() {
    cat <<EOF
INSERT INTO accounts (email, display_name, password_hash, role, active, must_change_password, created_at,
                      password_changed_at, email_confirmed_at)
SELECT 'chat-bench-' || x || '@dateline.test', 'Bench reader ' || x, '$1', 'READER', TRUE, FALSE,
       CURRENT_TIMESTAMP - INTERVAL '3' DAY, CURRENT_TIMESTAMP - INTERVAL '3' DAY, CURRENT_TIMESTAMP - INTERVAL '3' DAY
FROM $2;
EOF
}
