package org.dateline.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
    private static final String COLUMNS = """
            SELECT id, email, display_name, role, active, must_change_password, created_at FROM accounts
            """;
    private static final String INSERT = """
            INSERT INTO accounts (email, display_name, password_hash, role, active, must_change_password, created_at,
                                  password_changed_at)
            VALUES (?, ?, ?, ?, TRUE, ?, ?, ?)
            """;

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
        if (normalised.isEmpty() || normalised.length() > 254 || !EMAIL.matcher(normalised).matches()) {
            problems.add(new AccountResult.Problem("email", "invalid_email", "Enter a valid email address."));
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(new AccountResult.Problem("displayName", "invalid_name", "Enter a name of 1 to 100 characters."));
        }
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
                    now).update();
        } catch (DuplicateKeyException taken) {
            return new AccountResult.Refused(List.of(new AccountResult.Problem("email", "email_taken",
                    "An account with this email address exists.")));
        }
        return new AccountResult.Done(byEmail(normalised).orElseThrow());
    }

    @Override
    @Transactional
    public AccountResult changePassword(long accountId, String currentPassword, String newPassword) {
        Optional<String> hash = jdbc.sql("SELECT password_hash FROM accounts WHERE id = ?").params(accountId)
                .query(String.class).optional();
        Account account = find(accountId).orElse(null);
        if (hash.isEmpty() || account == null || currentPassword == null
                || !passwords.matches(currentPassword, hash.get())) {
            return new AccountResult.Refused(List.of(new AccountResult.Problem("currentPassword", "wrong_password",
                    "The current password is not right.")));
        }
        Optional<AccountResult.Problem> weak = PasswordPolicy.check(newPassword, account.email());
        if (weak.isPresent()) {
            return new AccountResult.Refused(List.of(weak.get()));
        }
        if (newPassword.equals(currentPassword)) {
            return new AccountResult.Refused(List.of(new AccountResult.Problem("password", "password_unchanged",
                    "Choose a password different from the current one.")));
        }
        jdbc.sql("UPDATE accounts SET password_hash = ?, must_change_password = FALSE, password_changed_at = ? WHERE id = ?")
                .params(passwords.encode(newPassword), clock.instant().atOffset(ZoneOffset.UTC), accountId).update();
        return new AccountResult.Done(find(accountId).orElseThrow());
    }

    @Override
    public void setActive(long accountId, boolean active) {
        jdbc.sql("UPDATE accounts SET active = ? WHERE id = ?").params(active, accountId).update();
    }

    /** The stored hash and state for login; only the security configuration reads it. */
    Optional<Credentials> credentials(String email) {
        return jdbc.sql("SELECT id, email, display_name, role, active, password_hash FROM accounts WHERE email = ?")
                .params(normalise(email))
                .query((rs, n) -> new Credentials(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getBoolean("active"), rs.getString("password_hash")))
                .optional();
    }

    record Credentials(long id, String email, String displayName, Role role, boolean active, String passwordHash) {
    }

    static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static Account account(ResultSet rs, int n) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("active"), rs.getBoolean("must_change_password"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
