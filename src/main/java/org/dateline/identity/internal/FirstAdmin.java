package org.dateline.identity.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.dateline.identity.AccountResult;
import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * There is no default password anywhere. The first administrator comes from {@code DATELINE_FIRST_ADMIN_EMAIL} and
 * {@code DATELINE_FIRST_ADMIN_PASSWORD} on a start that finds no administrator, or from the command-line flag
 * {@code --create-admin=<email>}, which generates a password and prints it once to the console (never to the log).
 * Either way the administrator must change the password at first login.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final IdentitySettings.FirstAdmin settings;

    FirstAdmin(Accounts accounts, IdentitySettings settings) {
        this.accounts = accounts;
        this.settings = settings.firstAdmin();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("create-admin") && !args.getOptionValues("create-admin").isEmpty()) {
            String email = args.getOptionValues("create-admin").get(0);
            String password = generatedPassword();
            AccountResult result = accounts.createStaff(email, settings.name(), Role.ADMIN, password, true);
            if (result instanceof AccountResult.Done done) {
                System.out.println("Created administrator " + done.account().email() + " with the one-time password: "
                        + password + "\nLog in at /login and choose a new password.");
            } else {
                System.out.println("Could not create the administrator: " + result);
            }
            return;
        }
        if (settings.email() != null && !settings.email().isBlank() && !accounts.anyAdmin()) {
            AccountResult result = accounts.createStaff(settings.email(), settings.name(), Role.ADMIN,
                    settings.password(), true);
            if (result instanceof AccountResult.Done done) {
                log.warn("Created the first administrator {}; they must change the password at first login",
                        done.account().email());
            } else {
                log.error("Could not create the first administrator from DATELINE_FIRST_ADMIN_*: {}",
                        ((AccountResult.Refused) result).problems().stream().map(AccountResult.Problem::code).toList());
            }
        }
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
