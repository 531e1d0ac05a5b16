package org.dateline.identity.internal;

import java.util.List;

import org.dateline.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class StaffLandingTest {

    private static String landing(Role role) {
        return StaffLanding.after(List.of(new SimpleGrantedAuthority(role.authority())));
    }

    @Test
    void moderatorsLandOnTheQueueAndTheRestOfTheStaffOnTheDesk() {
        assertThat(landing(Role.MODERATOR)).isEqualTo("/newsroom/moderation");
        assertThat(landing(Role.CONTRIBUTOR)).isEqualTo("/newsroom");
        assertThat(landing(Role.EDITOR)).isEqualTo("/newsroom");
        assertThat(landing(Role.ADMIN)).isEqualTo("/newsroom");
    }

    @Test
    void aReaderWhoUsedTheStaffFormLandsOnTheirAccount() {
        assertThat(landing(Role.READER)).isEqualTo("/account");
        assertThat(StaffLanding.after(List.of())).isEqualTo("/account");
    }

    @Test
    void aChangedPasswordLeadsBackWhereTheRoleWorks() {
        assertThat(StaffLanding.afterPasswordChange(Role.MODERATOR)).isEqualTo("/newsroom/moderation?done=password");
        assertThat(StaffLanding.afterPasswordChange(Role.EDITOR)).isEqualTo("/newsroom?passwordChanged");
    }
}
