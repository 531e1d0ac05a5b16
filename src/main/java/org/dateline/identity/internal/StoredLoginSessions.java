package org.dateline.identity.internal;

import java.util.Optional;

import org.dateline.identity.Account;
import org.dateline.identity.LoginSessions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sessions live in the database (Spring Session JDBC, table of migration V4): a logout on any node deletes the row,
 * and a row past its expiry time is dead even before the cleanup job removes it. One look-up by primary keys of the
 * session row (without its attributes) and the account's, so a chat socket can ask before every post; the row is written only when its
 * last use is more than {@link #TOUCH_EVERY_MS} old (what Spring Session itself writes at the end of a request:
 * the last access time and the expiry time that follows from it).
 */
@Component
class StoredLoginSessions implements LoginSessions {

    static final long TOUCH_EVERY_MS = 60_000;
    private static final String SESSION_COLUMNS = "last_access_time, max_inactive_interval, expiry_time";

    private final JdbcClient jdbc;

    StoredLoginSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Account> use(String sessionId, long accountId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        Row row = jdbc.sql("SELECT " + SESSION_COLUMNS + ", " + JdbcAccounts.ACCOUNT_COLUMNS
                        + " FROM spring_session, accounts WHERE session_id = ? AND id = ?").params(sessionId, accountId)
                .query((rs, n) -> new Row(rs.getLong("last_access_time"), rs.getInt("max_inactive_interval"),
                        rs.getLong("expiry_time"), JdbcAccounts.account(rs, n))).optional().orElse(null);
        return used(sessionId, row) ? Optional.of(row.account()) : Optional.empty();
    }

    private record Row(long lastAccess, int maxInactiveSeconds, long expiry, Account account) {
    }

    /**
     * Whether the session of this row (null: none) stands; if so it is used now, written after the row is read, never
     * from the row mapper: that would take a second pooled connection while holding the first.
     */
    private boolean used(String sessionId, Row row) {
        // the system clock, as Spring Session's, which wrote these times
        long now = System.currentTimeMillis();
        if (row == null || row.expiry() <= now) {
            return false;
        }
        if (now - row.lastAccess() > TOUCH_EVERY_MS && row.maxInactiveSeconds() >= 0) {
            jdbc.sql("UPDATE spring_session SET last_access_time = ?, expiry_time = ?"
                            + " WHERE session_id = ? AND last_access_time < ?")
                    .params(now, now + row.maxInactiveSeconds() * 1000L, sessionId, now).update();
        }
        return true;
    }
}
