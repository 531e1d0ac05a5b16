package org.dateline.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the hashes of mailed tokens; a token is redeemed at most once, even by two requests at the same time. */
@Repository
class JdbcAccountTokens {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAccountTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for the account; earlier unused tokens of the same purpose stop working. */
    String issue(long accountId, AccountToken.Purpose purpose) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE account_tokens SET used_at = ? WHERE account_id = ? AND purpose = ? AND used_at IS NULL")
                .params(utc(now), accountId, purpose.name()).update();
        String token = AccountToken.generate();
        jdbc.sql("""
                INSERT INTO account_tokens (account_id, purpose, token_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)
                """).params(accountId, purpose.name(), AccountToken.hash(token), utc(now), utc(now.plus(purpose.lifetime)))
                .update();
        return token;
    }

    Optional<AccountToken.Stored> find(String token, AccountToken.Purpose purpose) {
        if (!AccountToken.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT id, account_id, purpose, expires_at, used_at FROM account_tokens
                WHERE token_hash = ? AND purpose = ?
                """).params(AccountToken.hash(token), purpose.name())
                .query((rs, n) -> new AccountToken.Stored(rs.getLong("id"), rs.getLong("account_id"),
                        AccountToken.Purpose.valueOf(rs.getString("purpose")),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("used_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("used_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Marks the token used; false when another request used it first. */
    boolean redeem(long tokenId) {
        return jdbc.sql("UPDATE account_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL")
                .params(utc(clock.instant()), tokenId).update() == 1;
    }

    void forget(long accountId) {
        jdbc.sql("DELETE FROM account_tokens WHERE account_id = ?").params(accountId).update();
    }

    Instant now() {
        return clock.instant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
