package org.dateline.identity.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dateline.testing.SettingsBinding.fromEnvironmentVariables;
import static org.dateline.testing.SettingsBinding.fromProperties;

class IdentitySettingsTest {

    @Test
    void withoutAnySettingTheAdminApiIsOffAndNoAdministratorIsCreated() {
        IdentitySettings settings = fromProperties("dateline", IdentitySettings.class, Map.of());

        assertThat(settings.adminApiEnabled()).isFalse();
        assertThat(settings.firstAdmin()).isEqualTo(new IdentitySettings.FirstAdmin(null, null, "Administrator"));
        assertThat(settings.login()).isEqualTo(new IdentitySettings.Login(20));
        assertThat(settings.readers()).isEqualTo(new IdentitySettings.Readers(30, 5, Duration.ofHours(1),
                Duration.ofMinutes(2)));
    }

    @Test
    void keepsTheEnvironmentVariablesOfTheReadme() {
        IdentitySettings settings = fromEnvironmentVariables("dateline", IdentitySettings.class, Map.of(
                "DATELINE_ADMIN_TOKEN", "secret-token",
                "DATELINE_FIRST_ADMIN_EMAIL", "chief@example.org",
                "DATELINE_FIRST_ADMIN_PASSWORD", "a long initial passphrase",
                "DATELINE_LOGIN_PER_ADDRESS_PER_MINUTE", "50",
                "DATELINE_READERS_PER_ADDRESS_PER_HOUR", "60",
                "DATELINE_READERS_PER_EMAIL_PER_HOUR", "6"));

        assertThat(settings.adminApiEnabled()).isTrue();
        assertThat(settings.firstAdmin()).isEqualTo(new IdentitySettings.FirstAdmin("chief@example.org",
                "a long initial passphrase", "Administrator"));
        assertThat(settings.login().perAddressPerMinute()).isEqualTo(50);
        assertThat(settings.readers().perAddressPerHour()).isEqualTo(60);
        assertThat(settings.readers().perEmailPerHour()).isEqualTo(6);
    }

    @Test
    void refusesALoginAllowanceOfZero() {
        assertThatThrownBy(() -> fromProperties("dateline", IdentitySettings.class,
                Map.of("dateline.login.per-address-per-minute", "0")))
                .rootCause().hasMessage("dateline.login.per-address-per-minute must be at least 1, not 0");
    }

    @Test
    void refusesAnEraseIntervalOfZero() {
        assertThatThrownBy(() -> fromProperties("dateline", IdentitySettings.class,
                Map.of("dateline.readers.erase-interval", "0s")))
                .rootCause().hasMessage("dateline.readers.erase-interval must be longer than zero, not PT0S");
    }
}
