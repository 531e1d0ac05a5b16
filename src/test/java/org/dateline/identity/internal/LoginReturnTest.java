package org.dateline.identity.internal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The page a login comes back to is a page of this site, whatever a link or a form says. */
class LoginReturnTest {

    @Test
    void comesBackToAPathOfThisSite() {
        assertThat(next("/en/russia/20070222/1-russia-us#chat")).isEqualTo("/en/russia/20070222/1-russia-us#chat");
        assertThat(next("/account/chats/write?article=7&lang=ru")).isEqualTo("/account/chats/write?article=7&lang=ru");
    }

    @Test
    void neverLeavesTheSite() {
        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example",
                "javascript:alert(1)", "evil.example", "/en/\nSet-Cookie: x=1", "/account/login?next=/x", "",
                "/" + "a".repeat(600), "/\u3002evil.example", "/\uff0fevil.example", "/новости", "/en/\u0085x"}) {
            assertThat(next(elsewhere)).as(elsewhere).isNull();
        }
        assertThat(ReaderLogin.next(new MockHttpServletRequest())).isNull();
    }

    private static String next(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/account/login");
        request.setParameter("next", value);
        return ReaderLogin.next(request);
    }
}
