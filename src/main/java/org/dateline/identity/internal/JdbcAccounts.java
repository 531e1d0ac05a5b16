package org.dateline.identity.internal;

import java.sql.ResultSet;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dateline.identity.Account;
import org.dateline.identity.AccountResult;
import org.dateline.identity.Accounts;
import org.dateline.identity.PasswordPolicy;
import org.dateline.identity.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcAccounts implements Accounts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    /** What {@link #account} reads, by these names. */
    static final String ACCOUNT_COLUMNS = """
            id, email, display_name, role, active, must_change_password, created_at, email_confirmed_at, deleted_at,
            erased_at""";
    private static final String COLUMNS = "SELECT " + ACCOUNT_COLUMNS + " FROM accounts\n";
    private static final String INSERT = """
            INSERT INTO accounts (email, display_name, password_hash, role, active, must_change_password, created_at,
                                  password_changed_at, email_confirmed_at)
            VALUES (?, ?, ?, ?, TRUE, ?, ?, ?, ?)
            """;
    /** Erased accounts get an address in a reserved domain, so the unique email column never blocks anyone. */
    static final String ERASED_DOMAIN = "@erased.invalid";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    JdbcAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public Optional<Account> find(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").params(id).query(JdbcAccounts::account).optional();
    }

    @Override
    public Optional<Account> byEmail(String email) {
        return jdbc.sql(COLUMNS + " WHERE email = ?").params(normalise(email)).query(JdbcAccounts::account).optional();
    }

    @Override
    public List<Account> staff() {
        return jdbc.sql(COLUMNS + " WHERE role <> 'READER' ORDER BY display_name, id").query(JdbcAccounts::account).list();
    }

    @Override
    public boolean anyAdmin() {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE role = 'ADMIN' AND active").query(Long.class).single() > 0;
    }

    @Override
    @Transactional
    public AccountResult createStaff(String email, String displayName, Role role, String password,
                                     boolean mustChangePassword) {
        List<AccountResult.Problem> problems = new ArrayList<>();
        String normalised = normalise(email);
        emailProblem(normalised).ifPresent(problems::add);
        String name = displayName == null ? "" : displayName.strip();
        nameProblem(name).ifPresent(problems::add);
        if (role == null || !role.isStaff()) {
            problems.add(new AccountResult.Problem("role", "invalid_role", "Choose a staff role."));
        }
        PasswordPolicy.check(password, normalised).ifPresent(problems::add);
        if (problems.isEmpty() && byEmail(normalised).isPresent()) {
            problems.add(new AccountResult.Problem("email", "email_taken", "An account with this email address exists."));
        }
        if (!problems.isEmpty()) {
            return new AccountResult.Refused(problems);
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        try {
            jdbc.sql(INSERT).params(normalised, name, passwords.encode(password), role.name(), mustChangePassword, now,
                    now, now).update();
        } catch (DuplicateKeyException taken) {
            return new AccountResult.Refused(List.of(new AccountResult.Problem("email", "email_taken",
                    "An account with this email address exists.")));
        }
        return new AccountResult.Done(byEmail(normalised).orElseThrow());
    }

    @Override
    public Account createWithoutLogin(String email, String displayName, Role role, Instant since) {
        String normalised = normalise(email);
        Optional<Account> existing = byEmail(normalised);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        OffsetDateTime at = since.atOffset(ZoneOffset.UTC);
        jdbc.sql(INSERT).params(normalised, displayName.strip(), passwords.encode(HexFormat.of().formatHex(secret)),
                role.name(), false, at, at, at).update();
        return byEmail(normalised).orElseThrow();
    }

    @Override
    public Optional<String> publicName(long id) {
        return find(id).filter(a -> !a.deleted()).map(Account::displayName);
    }

    /** A new, unconfirmed reader; the caller checked the fields. Empty when the email is taken. */
    @Transactional
    Optional<Long> createReader(String email, String displayName, String passwordHash) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        try {
            jdbc.sql(INSERT).params(normalise(email), displayName.strip(), passwordHash, Role.READER.name(), false, now,
                    now, null).update();
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
        return byEmail(email).map(Account::id);
    }

    void confirmEmail(long id) {
        jdbc.sql("UPDATE accounts SET email_confirmed_at = ? WHERE id = ? AND email_confirmed_at IS NULL")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id).update();
    }

    /** Sets a new password (checked by the caller) and ends the account's remembered logins. */
    void setPassword(long id, String password) {
        jdbc.sql("UPDATE accounts SET password_hash = ?, must_change_password = FALSE, password_changed_at = ? WHERE id = ?")
                .params(passwords.encode(password), clock.instant().atOffset(ZoneOffset.UTC), id).update();
        find(id).ifPresent(a -> forgetRememberedLogins(a.email()));
    }

    boolean passwordMatches(long id, String password) {
        Optional<String> hash = jdbc.sql("SELECT password_hash FROM accounts WHERE id = ? AND erased_at IS NULL")
                .params(id).query(String.class).optional();
        return hash.isPresent() && password != null && passwords.matches(password, hash.get());
    }

    /** Spends about the time a password check takes, for callers that must not show whether an account exists. */
    void spendPasswordTime(String password) {
        passwords.encode(password == null ? "" : password);
    }

    String encode(String password) {
        return passwords.encode(password);
    }

    void setDisplayName(long id, String displayName) {
        jdbc.sql("UPDATE accounts SET display_name = ? WHERE id = ?").params(displayName.strip(), id).update();
    }

    void markDeleted(long id) {
        jdbc.sql("UPDATE accounts SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL AND erased_at IS NULL")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id).update();
        find(id).ifPresent(a -> forgetRememberedLogins(a.email()));
    }

    /** Undoes a deletion that has not been erased yet; false when there was nothing to restore. */
    boolean restore(long id) {
        return jdbc.sql("UPDATE accounts SET deleted_at = NULL WHERE id = ? AND erased_at IS NULL AND deleted_at IS NOT NULL")
                .params(id).update() == 1;
    }

    /** Ids of accounts deleted before the cutoff and not erased yet. */
    List<Long> deletedBefore(java.time.Instant cutoff) {
        return jdbc.sql("SELECT id FROM accounts WHERE deleted_at <= ? AND erased_at IS NULL ORDER BY id")
                .params(cutoff.atOffset(ZoneOffset.UTC)).query(Long.class).list();
    }

    /**
     * Removes the personal data of a deleted account: email, name and password hash. The row and its id stay. False
     * when it was erased already (by another node meanwhile).
     */
    @Transactional
    boolean erase(long id) {
        find(id).ifPresent(a -> forgetRememberedLogins(a.email()));
        jdbc.sql("DELETE FROM account_tokens WHERE account_id = ?").params(id).update();
        return jdbc.sql("""
                UPDATE accounts SET email = ?, display_name = '', password_hash = '!erased', active = FALSE,
                                    erased_at = ?
                WHERE id = ? AND erased_at IS NULL
                """).params("erased-" + id + ERASED_DOMAIN, clock.instant().atOffset(ZoneOffset.UTC), id).update()
                == 1;
    }

    void forgetRememberedLogins(String email) {
        jdbc.sql("DELETE FROM persistent_logins WHERE username = ?").params(normalise(email)).update();
    }

    static Optional<AccountResult.Problem> emailProblem(String normalised) {
        if (normalised.isEmpty() || normalised.length() > 254 || !EMAIL.matcher(normalised).matches()
                || normalised.endsWith(".invalid")) {
            return Optional.of(new AccountResult.Problem("email", "invalid_email", "Enter a valid email address."));
        }
        return Optional.empty();
    }

    static Optional<AccountResult.Problem> nameProblem(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 100 || stripped.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(new AccountResult.Problem("displayName", "invalid_name",
                    "Enter a name of 1 to 100 characters."));
        }
        return Optional.empty();
    }

    @Override
    public void setActive(long accountId, boolean active) {
        jdbc.sql("UPDATE accounts SET active = ? WHERE id = ?").params(active, accountId).update();
    }

    /** The stored hash and state for login; only the security configuration reads it. */
    Optional<Credentials> credentials(String email) {
        return jdbc.sql("""
                SELECT id, email, display_name, role, active, password_hash, email_confirmed_at, deleted_at
                FROM accounts WHERE email = ? AND erased_at IS NULL
                """)
                .params(normalise(email))
                .query((rs, n) -> new Credentials(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getBoolean("active"), rs.getString("password_hash"),
                        rs.getObject("email_confirmed_at", OffsetDateTime.class) != null,
                        rs.getObject("deleted_at", OffsetDateTime.class) != null))
                .optional();
    }

    record Credentials(long id, String email, String displayName, Role role, boolean active, String passwordHash,
                       boolean confirmed, boolean deleted) {
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    static Account account(ResultSet rs, int n) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("active"), rs.getBoolean("must_change_password"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("email_confirmed_at", OffsetDateTime.class) != null,
                rs.getObject("deleted_at", OffsetDateTime.class) == null ? null
                        : rs.getObject("deleted_at", OffsetDateTime.class).toInstant(),
                rs.getObject("erased_at", OffsetDateTime.class) != null);
    }
}
