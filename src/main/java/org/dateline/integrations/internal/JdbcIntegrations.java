package org.dateline.integrations.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dateline.identity.ApiClient;
import org.dateline.identity.ApiTokens;
import org.dateline.integrations.Integration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The integrations table; also resolves API tokens for identity's bearer filter, by hash, on every request. */
@Repository
public class JdbcIntegrations implements ApiTokens {

    private static final String COLUMNS = """
            id, name, scopes, webhook_url, active, token_hint, created_at, created_by, revoked_at""";
    private static final String INSERT = """
            INSERT INTO integrations (name, scopes, token_hash, token_hint, webhook_url, webhook_secret, active,
                                      created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?)""";
    private static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM integrations ORDER BY active DESC, name, id";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM integrations WHERE id = ?";
    private static final String SELECT_BY_HASH = """
            SELECT id, name, scopes, token_hash FROM integrations WHERE token_hash = ? AND active = TRUE""";
    private static final String REVOKE = """
            UPDATE integrations SET active = FALSE, revoked_at = ? WHERE id = ? AND active = TRUE""";

    private final JdbcClient jdbc;

    JdbcIntegrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String name, List<String> scopes, String token, String webhookUrl, String webhookSecret,
                       Instant at, String createdBy) {
        jdbc.sql(INSERT).params(name, String.join(" ", scopes), Secrets.hash(token), Secrets.hint(token), webhookUrl,
                webhookSecret, Timestamp.from(at), createdBy).update();
        return jdbc.sql("SELECT id FROM integrations WHERE token_hash = ?").params(Secrets.hash(token))
                .query(Long.class).single();
    }

    public List<Integration> all() {
        return jdbc.sql(SELECT_ALL).query(JdbcIntegrations::integration).list();
    }

    public Optional<Integration> find(long id) {
        return jdbc.sql(SELECT_ONE).params(id).query(JdbcIntegrations::integration).optional();
    }

    public boolean revoke(long id, Instant at) {
        return jdbc.sql(REVOKE).params(Timestamp.from(at), id).update() == 1;
    }

    /**
     * The lookup is by the token's SHA-256, so the database never compares secrets; the stored hash is then compared
     * again in constant time, so no timing of ours depends on how much of a guess was right.
     */
    @Override
    public Optional<ApiClient> authenticate(String token) {
        if (!token.startsWith(Secrets.TOKEN_PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        String hash = Secrets.hash(token);
        return jdbc.sql(SELECT_BY_HASH).params(hash).query((rs, n) -> new StoredToken(
                        new ApiClient(rs.getLong("id"), rs.getString("name"), Set.copyOf(scopes(rs))),
                        rs.getString("token_hash"))).optional()
                .filter(stored -> MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                        stored.hash().getBytes(StandardCharsets.US_ASCII)))
                .map(StoredToken::client);
    }

    private record StoredToken(ApiClient client, String hash) {
    }

    private static Integration integration(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Integration(rs.getLong("id"), rs.getString("name"), scopes(rs), rs.getString("webhook_url"),
                rs.getBoolean("active"), rs.getString("token_hint"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), revoked == null ? null : revoked.toInstant());
    }

    private static List<String> scopes(ResultSet rs) throws SQLException {
        String joined = rs.getString("scopes");
        return joined.isBlank() ? List.of() : Arrays.asList(joined.split(" "));
    }
}
