package org.dateline.identity.internal;

import org.dateline.identity.LoginSessions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sessions live in the database (Spring Session JDBC, table of migration V4): a logout on any node deletes the row,
 * and a row past its expiry time is dead even before the cleanup job removes it. One primary-key look-up, without
 * loading the session's attributes, so a chat socket can ask before every post; the row is written only when its
 * last use is more than {@link #TOUCH_EVERY_MS} old (what Spring Session itself writes at the end of a request:
 * the last access time and the expiry time that follows from it).
 */
@Component
class StoredLoginSessions implements LoginSessions {

    static final long TOUCH_EVERY_MS = 60_000;

    private final JdbcClient jdbc;

    StoredLoginSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean use(String sessionId) {
        if (sessionId == null) {
            return false;
        }
        // the system clock, as Spring Session's, which wrote these times
        long now = System.currentTimeMillis();
        record Row(long lastAccess, int maxInactiveSeconds, long expiry) {
        }
        Row row = jdbc.sql("SELECT last_access_time, max_inactive_interval, expiry_time FROM spring_session"
                        + " WHERE session_id = ?").params(sessionId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getLong(3))).optional().orElse(null);
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
