package org.dateline.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Rules a new password must meet: long enough, not a well-known password, not the email address. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** The code of the first rule the password breaks, if any. */
    public static Optional<AccountResult.Problem> check(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(new AccountResult.Problem("password", "password_too_short",
                    "Use at least " + MIN_LENGTH + " characters."));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(new AccountResult.Problem("password", "password_too_long",
                    "Use at most " + MAX_LENGTH + " characters."));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            return Optional.of(new AccountResult.Problem("password", "password_common",
                    "This password is too common; choose another."));
        }
        if (email != null && lower.contains(email.toLowerCase(Locale.ROOT).split("@")[0])
                && email.split("@")[0].length() >= 4) {
            return Optional.of(new AccountResult.Problem("password", "password_contains_email",
                    "The password must not contain your email address."));
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        try (var in = PasswordPolicy.class.getResourceAsStream("/identity/common-passwords.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
