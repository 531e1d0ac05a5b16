package org.dateline.identity.internal;

import java.time.Duration;

import org.dateline.platform.SettingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identity settings: the admin API's bootstrap token, the first administrator, and the allowances of the login forms
 * and of the reader forms that send mail. Bound at {@code dateline} so that each keeps the name it always had
 * ({@code dateline.admin-token}, {@code dateline.first-admin.*}, {@code dateline.login.*}, {@code dateline.readers.*});
 * the environment variables are the same names in capitals ({@code DATELINE_LOGIN_PER_ADDRESS_PER_MINUTE}).
 *
 * @param adminToken bootstrap bearer token of the admin API ({@code DATELINE_ADMIN_TOKEN}), holding every scope;
 *                   unset, the API accepts integration tokens only
 * @param firstAdmin the administrator created on a start that finds none
 * @param login      login throttling
 * @param readers    limits and housekeeping of reader accounts
 */
@ConfigurationProperties("dateline")
record IdentitySettings(String adminToken, @DefaultValue FirstAdmin firstAdmin, @DefaultValue Login login,
                        @DefaultValue Readers readers) {

    /** The admin API answers to the bootstrap token only when one is configured. */
    boolean adminApiEnabled() {
        return adminToken != null && !adminToken.isBlank();
    }

    /**
     * The first administrator ({@code DATELINE_FIRST_ADMIN_EMAIL}, {@code _PASSWORD}, {@code _NAME}), who must
     * change the password at first login. Without an email no one is created.
     *
     * @param email    their login
     * @param password their initial password, which must pass the password rules
     * @param name     the name they show under
     */
    record FirstAdmin(String email, String password, @DefaultValue("Administrator") String name) {
    }

    /**
     * @param perAddressPerMinute login attempts per client address and minute on each login form, staff and readers
     *                            alike (per node); each account also gets at most 10 per 15 minutes whatever this says
     */
    record Login(@DefaultValue("20") int perAddressPerMinute) {

        Login {
            SettingRules.atLeast(1, "dateline.login.per-address-per-minute", perAddressPerMinute);
        }
    }

    /**
     * @param perAddressPerHour  registrations, password resets and new confirmation links one client address may ask
     *                           for per hour (each form counted on its own, per node)
     * @param perEmailPerHour    the same per email address, so that no one floods a mailbox
     * @param eraseInterval      how often deleted accounts whose restore window has passed are erased
     * @param eraseInitialDelay  how long after start the first erasure runs
     */
    record Readers(@DefaultValue("30") int perAddressPerHour, @DefaultValue("5") int perEmailPerHour,
                   @DefaultValue("1h") Duration eraseInterval, @DefaultValue("2m") Duration eraseInitialDelay) {

        Readers {
            SettingRules.atLeast(1, "dateline.readers.per-address-per-hour", perAddressPerHour);
            SettingRules.atLeast(1, "dateline.readers.per-email-per-hour", perEmailPerHour);
            SettingRules.positive("dateline.readers.erase-interval", eraseInterval);
            SettingRules.notNegative("dateline.readers.erase-initial-delay", eraseInitialDelay);
        }
    }
}
