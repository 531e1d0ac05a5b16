package org.dateline.identity.internal;

import org.dateline.platform.limits.RateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing from one address is slowed down whichever accounts it tries; other addresses are not affected. */
class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(RateLimiter.inMemory(), 3);

    @Test
    void oneAddressGetsItsAllowanceAcrossAccountsThenWaits() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(attempt("10.0.0.1", "someone-" + i + "@example.org")).isNull();
        }
        assertThat(attempt("10.0.0.1", "someone-else@example.org")).isEqualTo("/login?throttled");
        assertThat(attempt("10.0.0.2", "someone-else@example.org")).isNull();
    }

    @Test
    void oneAccountGetsTenAttemptsInFifteenMinutesFromAnyAddress() throws Exception {
        LoginThrottle generous = new LoginThrottle(RateLimiter.inMemory(), 1000);
        for (int i = 0; i < LoginThrottle.PER_ACCOUNT_PER_15_MINUTES; i++) {
            assertThat(attempt(generous, "10.0.1." + i, "target@example.org")).isNull();
        }
        assertThat(attempt(generous, "10.0.2.1", "TARGET@example.org ")).isEqualTo("/login?throttled");
    }

    /** The redirect the throttle answered with, or null when the attempt went on to the login. */
    private String attempt(String address, String email) throws Exception {
        return attempt(throttle, address, email);
    }

    private static String attempt(LoginThrottle throttle, String address, String email) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(address);
        request.setParameter("username", email);
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.doFilter(request, response, new MockFilterChain());
        return response.getRedirectedUrl();
    }
}
