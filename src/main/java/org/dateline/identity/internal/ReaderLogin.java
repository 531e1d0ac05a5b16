package org.dateline.identity.internal;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.identity.ReaderPages;
import org.dateline.identity.Role;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.rememberme.CookieTheftException;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;

/**
 * How readers log in at {@code /account/login}: any confirmed, live account (readers and staff alike, who share one
 * account table) with its password. Whether the email is confirmed, and whether the account was deleted, is only
 * told after the password was right, so a failed login says nothing about whether an address has an account.
 * "Remember me" uses persistent tokens in the database, for reader accounts only: a stolen cookie must not open the
 * newsroom.
 */
final class ReaderLogin {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReaderLogin.class);

    static final String LOGIN = "/account/login";
    static final String REMEMBER_ME_COOKIE = "DATELINE_REMEMBER";
    /** Readable by scripts and carrying nothing: tells the header script that asking {@code /account/me} is worth it. */
    static final String HINT_COOKIE = "DATELINE_READER";
    static final String RESTORE_CANDIDATE = ReaderLogin.class.getName() + ".restore";
    static final Duration REMEMBER_FOR = Duration.ofDays(30);

    /** The password was right but the email is not confirmed yet. */
    static final class UnconfirmedEmail extends AccountStatusException {
        UnconfirmedEmail() {
            super("email not confirmed");
        }
    }

    /** The password was right but the account is deleted and can still be restored. */
    static final class DeletionPending extends AccountStatusException {
        final long accountId;

        DeletionPending(long accountId) {
            super("account deleted");
            this.accountId = accountId;
        }
    }

    /** Who proved their password on a deleted account, for the restore page; good for a few minutes. */
    record RestoreCandidate(long accountId, Instant until) implements Serializable {
    }

    private final JdbcAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final JdbcTokenRepositoryImpl tokens;
    private final String rememberMeKey;

    ReaderLogin(JdbcAccounts accounts, PasswordEncoder passwords, Clock clock, javax.sql.DataSource dataSource,
                String rememberMeKey) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.tokens = new JdbcTokenRepositoryImpl();
        this.tokens.setDataSource(dataSource);
        this.tokens.afterPropertiesSet();
        this.rememberMeKey = rememberMeKey;
    }

    private UserDetailsService anyAccount() {
        return email -> accounts.credentials(email).map(AccountPrincipal::of)
                .orElseThrow(() -> new UsernameNotFoundException("no account"));
    }

    private UserDetailsService readersOnly() {
        return email -> accounts.credentials(email).filter(c -> c.role() == Role.READER).map(AccountPrincipal::of)
                .orElseThrow(() -> new UsernameNotFoundException("no reader account"));
    }

    /** Checks after the password: confirmed, not deleted. */
    private static final UserDetailsChecker AFTER_PASSWORD = user -> {
        AccountPrincipal principal = (AccountPrincipal) user;
        if (principal.deleted()) {
            throw new DeletionPending(principal.actor().accountId());
        }
        if (!principal.confirmed()) {
            throw new UnconfirmedEmail();
        }
    };

    AuthenticationManager authenticationManager() {
        DaoAuthenticationProvider byPassword = new DaoAuthenticationProvider(anyAccount());
        byPassword.setPasswordEncoder(passwords);
        byPassword.setPostAuthenticationChecks(AFTER_PASSWORD);
        return new ProviderManager(byPassword, new RememberMeAuthenticationProvider(rememberMeKey));
    }

    PersistentTokenBasedRememberMeServices rememberMeServices() {
        var services = new PersistentTokenBasedRememberMeServices(rememberMeKey, readersOnly(), tokens) {
            @Override
            protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response,
                                          Authentication authentication) {
                if (authentication.getPrincipal() instanceof AccountPrincipal p && p.actor().role() == Role.READER) {
                    super.onLoginSuccess(request, response, authentication);
                }
            }

            /**
             * A replayed token (the cookie was copied, or two tabs raced) has already cost the account all its
             * remembered logins; answer as for anyone not logged in instead of failing the request.
             */
            @Override
            protected UserDetails processAutoLoginCookie(String[] cookieTokens, HttpServletRequest request,
                                                         HttpServletResponse response) {
                try {
                    return super.processAutoLoginCookie(cookieTokens, request, response);
                } catch (CookieTheftException theft) {
                    log.warn("A remembered login was presented twice; all remembered logins of the account ended");
                    throw new InvalidCookieException("replayed remember-me token");
                }
            }
        };
        services.setCookieName(REMEMBER_ME_COOKIE);
        services.setParameter("remember-me");
        services.setTokenValiditySeconds((int) REMEMBER_FOR.toSeconds());
        services.setUserDetailsChecker(user -> {
            new AccountStatusUserDetailsChecker().check(user);
            AFTER_PASSWORD.check(user);
        });
        return services;
    }

    AuthenticationSuccessHandler successHandler() {
        return (request, response, authentication) -> {
            boolean remembered = "on".equals(request.getParameter("remember-me"))
                    || "true".equals(request.getParameter("remember-me"));
            response.addCookie(hint(remembered ? (int) REMEMBER_FOR.toSeconds() : -1));
            String next = next(request);
            response.sendRedirect(next != null ? next : "/account" + langQuery(request, "?"));
        };
    }

    AuthenticationFailureHandler failureHandler() {
        return (request, response, failure) -> response.sendRedirect(failureLocation(request, failure));
    }

    private String failureLocation(HttpServletRequest request, AuthenticationException failure) {
        if (failure instanceof DeletionPending pending) {
            // The password was proven, so this visitor may get a session: it carries the offer to restore.
            request.getSession(true).setAttribute(RESTORE_CANDIDATE,
                    new RestoreCandidate(pending.accountId, clock.instant().plus(Duration.ofMinutes(15))));
            return "/account/restore" + langQuery(request, "?");
        }
        String reason = failure instanceof UnconfirmedEmail ? "unconfirmed" : "error";
        return LOGIN + "?" + reason + langQuery(request, "&") + nextQuery(request, "&");
    }

    /**
     * Where the reader was going when asked to log in (an article's discussion, the page to write a message): a path
     * on this site only, so the login can never send anyone elsewhere. Null when absent or not such a path. Only
     * printable ASCII: the site's own paths are (a slug is ASCII, anything else percent-encoded), and a redirect's
     * {@code Location} header cannot carry anything else (a browser may also read a full-width dot as a dot).
     */
    static String next(HttpServletRequest request) {
        String next = request.getParameter("next");
        if (next == null || next.length() > 512 || !next.startsWith("/") || next.startsWith("//")
                || next.startsWith(LOGIN) || next.chars().anyMatch(c -> c < 0x21 || c > 0x7e || c == '\\')) {
            return null;
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : null;
        } catch (URISyntaxException malformed) {
            return null;
        }
    }

    static String nextQuery(HttpServletRequest request, String separator) {
        String next = next(request);
        return next == null ? "" : separator + "next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    /** Asked to log in on the way to a page: the login page, with that page to come back to. */
    static AuthenticationEntryPoint entryPoint() {
        return (request, response, failure) -> {
            String target = request.getRequestURI() + (request.getQueryString() == null ? ""
                    : "?" + request.getQueryString());
            boolean comeBack = "GET".equals(request.getMethod()) && !request.getRequestURI().startsWith(LOGIN);
            response.sendRedirect(LOGIN + (comeBack ? "?next=" + URLEncoder.encode(target,
                    StandardCharsets.UTF_8) + langQuery(request, "&") : langQuery(request, "?")));
        };
    }

    /** Not {@code HttpOnly}: the header script reads it. {@code SameSite} and {@code Secure}: {@code SiteCookies}. */
    static Cookie hint(int maxAge) {
        Cookie cookie = new Cookie(HINT_COOKIE, maxAge == 0 ? "" : "1");
        cookie.setPath("/");
        cookie.setMaxAge(maxAge);
        return cookie;
    }

    static String langQuery(HttpServletRequest request, String separator) {
        String lang = request.getParameter("lang");
        return lang != null && ReaderPages.LANGUAGES.contains(lang) ? separator + "lang=" + lang : "";
    }
}
