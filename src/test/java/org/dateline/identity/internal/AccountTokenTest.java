package org.dateline.identity.internal;

import java.time.Duration;
import java.time.Instant;

import org.dateline.identity.Account;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        String one = AccountToken.generate();
        String other = AccountToken.generate();
        assertThat(one).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(other);
        assertThat(AccountToken.wellFormed(one)).isTrue();
    }

    @Test
    void onlyTheHashIsKeptAndItIsStable() {
        String token = AccountToken.generate();
        assertThat(AccountToken.hash(token)).hasSize(64).matches("[0-9a-f]+").isEqualTo(AccountToken.hash(token))
                .doesNotContain(token);
        assertThat(AccountToken.hash(token)).isNotEqualTo(AccountToken.hash(AccountToken.generate()));
    }

    @Test
    void rejectsMalformedTokensBeforeAnyLookUp() {
        assertThat(AccountToken.wellFormed(null)).isFalse();
        assertThat(AccountToken.wellFormed("")).isFalse();
        assertThat(AccountToken.wellFormed("short")).isFalse();
        assertThat(AccountToken.wellFormed("x".repeat(42) + "/")).isFalse();
        assertThat(AccountToken.wellFormed("й".repeat(43))).isFalse();
    }

    @Test
    void aTokenIsValidUntilItExpiresAndOnlyOnce() {
        var fresh = new AccountToken.Stored(1, 2, AccountToken.Purpose.RESET, NOW.plus(Duration.ofHours(1)), null);
        assertThat(fresh.redemption(NOW)).isEqualTo(AccountToken.Redemption.VALID);
        assertThat(fresh.redemption(NOW.plus(Duration.ofMinutes(59)))).isEqualTo(AccountToken.Redemption.VALID);
        assertThat(fresh.redemption(NOW.plus(Duration.ofHours(1)))).isEqualTo(AccountToken.Redemption.EXPIRED);
        var used = new AccountToken.Stored(1, 2, AccountToken.Purpose.RESET, NOW.plus(Duration.ofHours(1)), NOW);
        assertThat(used.redemption(NOW)).isEqualTo(AccountToken.Redemption.USED);
    }

    @Test
    void resetLinksLiveAnHourAndConfirmationLinksTwoDays() {
        assertThat(AccountToken.Purpose.RESET.lifetime).isEqualTo(Duration.ofHours(1));
        assertThat(AccountToken.Purpose.CONFIRM.lifetime).isEqualTo(Duration.ofHours(48));
    }

    @Test
    void initialsTakeTheFirstAndLastWords() {
        assertThat(Account.initials("Anna Karenina")).isEqualTo("AK");
        assertThat(Account.initials("  лев николаевич толстой ")).isEqualTo("ЛТ");
        assertThat(Account.initials("Cher")).isEqualTo("C");
        assertThat(Account.initials("")).isEqualTo("?");
    }
}
