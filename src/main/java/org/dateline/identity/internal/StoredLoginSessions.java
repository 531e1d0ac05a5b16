package org.dateline.identity.internal;

import org.dateline.identity.LoginSessions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sessions live in the database (Spring Session JDBC, table of migration V4): a logout on any node deletes the row,
 * and a row past its expiry time is dead even before the cleanup job removes it. One primary-key look-up, without
 * loading the session's attributes, so a chat socket can ask before every post.
 */
@Component
class StoredLoginSessions implements LoginSessions {

    private final JdbcClient jdbc;

    StoredLoginSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean stands(String sessionId) {
        return sessionId != null
                && jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = ? AND expiry_time > ?")
                        // the system clock, as Spring Session's, which wrote the expiry time
                        .params(sessionId, System.currentTimeMillis()).query(Long.class).single() > 0;
    }
}
