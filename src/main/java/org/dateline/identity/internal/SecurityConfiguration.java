package org.dateline.identity.internal;

import java.io.IOException;
import java.time.Clock;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletResponse;
import org.dateline.identity.Accounts;
import org.dateline.identity.ApiTokens;
import org.dateline.identity.Role;
import org.dateline.identity.Scopes;
import org.dateline.platform.limits.RateLimiter;
import org.dateline.platform.web.Problems;
import org.dateline.platform.web.SecurityHeaders;
import org.dateline.platform.web.StrictTransport;
import org.dateline.platform.web.UndecodableParameters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where every request is authorised: the API (bearer tokens, no session, no CSRF), reader accounts
 * ({@code /account/**}) and the web (public pages for everyone; the newsroom for staff after form login). Sessions
 * live in the database and CSRF guards every form. Readers never reach the newsroom: its rules name staff roles.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private final IdentitySettings settings;
    private final RateLimiter limiter;

    SecurityConfiguration(IdentitySettings settings, RateLimiter limiter) {
        this.settings = settings;
        this.limiter = limiter;
    }

    /**
     * The API of readers' browsers (chats, article views): the session of a logged-in reader, never a new one, and
     * the CSRF token of the cookie sent back in a header. Use cases check who may do what; failures answer as problem
     * documents. One call needs no token: counting an article view ({@code POST /api/views/{id}}), which every cached
     * page makes, anonymous or not, before it holds any token; it is let through only when the browser says the
     * call comes from this site's own page ({@link SameOriginPost}), so another site cannot make its visitors'
     * browsers count views here. The calls of push.js are alike: a browser's push subscription stored
     * ({@code POST /{edition}/subscribe/push}, for the logged-in reader if any, else for the browser alone) or ended
     * ({@code POST /alerts/push/unsubscribe}, with its secret as proof) or renewed by the service worker when the
     * push service replaced it ({@code POST /alerts/push/renew}, the same proof), from this site's own pages only.
     */
    @Bean
    @Order(0)
    SecurityFilterChain readerApiChain(HttpSecurity http, JsonMapper json) throws Exception {
        http
            .securityMatcher("/api/chats/**", "/api/views/**", PUSH_SUBSCRIBE, PUSH_UNSUBSCRIBE, PUSH_RENEW)
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
            .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()).ignoringRequestMatchers(
                    new SameOriginPost(path -> path.startsWith("/api/views/")),
                    new SameOriginPost(SecurityConfiguration::pushPath)))
            .requestCache(cache -> cache.disable())
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .logout(logout -> logout.disable())
            .headers(SecurityConfiguration::headers)
            .addFilterAfter(new UndecodableParameters(), HeaderWriterFilter.class)
            .exceptionHandling(errors -> errors
                .authenticationEntryPoint((request, response, e) -> problem(response, json, HttpStatus.UNAUTHORIZED,
                        "login_required", "Log in first."))
                .accessDeniedHandler((request, response, e) -> {
                    if (request.getRequestURI().startsWith("/api/views/")) {
                        problem(response, json, HttpStatus.FORBIDDEN, "cross_site",
                                "Views are counted only from this site's own pages.");
                    } else if (pushPath(request.getRequestURI())) {
                        problem(response, json, HttpStatus.FORBIDDEN, "cross_site",
                                "Push subscriptions are made only from this site's own pages.");
                    } else {
                        problem(response, json, HttpStatus.FORBIDDEN, "csrf_token_invalid",
                                "Send the CSRF token from GET /api/chats/me in its header.");
                    }
                }));
        return http.build();
    }

    private static final String PUSH_SUBSCRIBE = "/*/subscribe/push";
    private static final String PUSH_UNSUBSCRIBE = "/alerts/push/unsubscribe";
    private static final String PUSH_RENEW = "/alerts/push/renew";

    /**
     * The paths of push.js's and the service worker's calls: an edition's {@code /subscribe/push},
     * {@code /alerts/push/unsubscribe} and {@code /alerts/push/renew}.
     */
    private static boolean pushPath(String uri) {
        return PUSH_UNSUBSCRIBE.equals(uri) || PUSH_RENEW.equals(uri) || uri.matches("/[^/]+/subscribe/push");
    }

    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
        return csrfTokens;
    }

    /**
     * The API of tokens. Which call each scope reaches is decided here: articles:read the story list and one story
     * (which then show published articles only, see the admin API's {@code AdminStoryReads}), stories:read every other
     * read of the newsroom (revisions, the picture library, and whatever read comes next), articles:write every other articles call.
     * A call a token's scopes do not reach answers 403 whatever the id, so an id says nothing to a token that may
     * not read it.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, JsonMapper json, ObjectProvider<ApiTokens> apiTokens)
            throws Exception {
        http
            .securityMatcher("/api/**")
            .authorizeHttpRequests(requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/admin/articles", "/api/admin/articles/*")
                    .hasAuthority(Scopes.ARTICLES_READ)
                .requestMatchers(HttpMethod.GET, "/api/admin/articles/**").hasAuthority(Scopes.STORIES_READ)
                .requestMatchers("/api/admin/articles", "/api/admin/articles/**").hasAuthority(Scopes.ARTICLES_WRITE)
                // A front page shows only live stories: whoever reads published articles may read it.
                .requestMatchers(HttpMethod.GET, "/api/admin/editions/*/front").hasAuthority(Scopes.ARTICLES_READ)
                .requestMatchers(HttpMethod.GET, "/api/admin/pictures", "/api/admin/pictures/**")
                    .hasAuthority(Scopes.STORIES_READ)
                .requestMatchers("/api/admin/integrations", "/api/admin/integrations/**")
                    .hasAuthority(Scopes.INTEGRATIONS_MANAGE)
                .requestMatchers("/api/admin/**").hasAuthority(Scopes.ARTICLES_WRITE)
                .requestMatchers("/api/wire/**").hasAuthority(Scopes.WIRE_PUSH)
                // The VAPID public key that browsers subscribe with: public by nature.
                .requestMatchers(HttpMethod.GET, "/api/alerts/push-key").permitAll()
                .anyRequest().permitAll())
            .addFilterBefore(new AdminTokenFilter(settings, apiTokens), AnonymousAuthenticationFilter.class)
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable()) // bearer tokens, never cookies
            .requestCache(cache -> cache.disable())
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .logout(logout -> logout.disable())
            .headers(SecurityConfiguration::headers)
            .addFilterAfter(new UndecodableParameters(), HeaderWriterFilter.class)
            .exceptionHandling(errors -> errors
                .authenticationEntryPoint((request, response, e) -> {
                    // Without the bootstrap token the API still serves integration tokens; "disabled" is only
                    // the answer to a call that brings no token at all.
                    boolean disabled = !settings.adminApiEnabled() && request.getHeader("Authorization") == null;
                    problem(response, json, HttpStatus.UNAUTHORIZED, disabled ? "admin_api_disabled" : "unauthorized",
                            disabled ? "The admin API is off: set DATELINE_ADMIN_TOKEN or create an integration."
                                    : "Send a valid token as 'Authorization: Bearer <token>'.");
                })
                .accessDeniedHandler((request, response, e) -> problem(response, json, HttpStatus.FORBIDDEN,
                        "insufficient_scope", "This token lacks the scope this call needs.")));
        return http.build();
    }

    /**
     * Reader accounts under {@code /account}: their own login form (any confirmed account may use it; staff keep
     * {@code /login} for the newsroom), persistent remember-me for readers, and the pages that need a login. The
     * session and CSRF cookie are the same as the web chain's, so a login here is a login everywhere.
     */
    @Bean
    @Order(2)
    SecurityFilterChain readerChain(HttpSecurity http, Accounts accounts, JdbcAccounts jdbcAccounts,
                                    PasswordEncoder passwords, Clock clock, DataSource dataSource) throws Exception {
        String rememberMeKey = randomKey(); // persistent tokens live in the database; the key never leaves this node
        ReaderLogin login = new ReaderLogin(jdbcAccounts, passwords, clock, dataSource, rememberMeKey);
        http
            .securityMatcher("/account", "/account/**")
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/account", "/account/profile", "/account/password", "/account/delete").authenticated()
                .requestMatchers("/account/chats", "/account/chats/**").authenticated() // a reader's chats
                .requestMatchers("/account/subscriptions", "/account/subscriptions/**", "/account/export")
                    .authenticated() // a reader's subscriptions, everything the account holds
                .anyRequest().permitAll())
            .authenticationManager(login.authenticationManager())
            // Anonymous visitors of these pages get no session either; a login or a proven restore does.
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                    .sessionFixation(fixation -> fixation.changeSessionId()))
            .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
            .requestCache(cache -> cache.disable())
            .formLogin(form -> form.loginPage(ReaderLogin.LOGIN).loginProcessingUrl(ReaderLogin.LOGIN)
                    .usernameParameter("email").passwordParameter("password")
                    .successHandler(login.successHandler()).failureHandler(login.failureHandler()))
            .rememberMe(remember -> remember.rememberMeServices(login.rememberMeServices()).key(rememberMeKey))
            .logout(logout -> logout.logoutUrl("/account/logout")
                    .logoutSuccessHandler((request, response, authentication) -> response.sendRedirect(
                            ReaderLogin.LOGIN + "?logout" + ReaderLogin.langQuery(request, "&")))
                    .deleteCookies("DATELINE_SESSION", ReaderLogin.HINT_COOKIE, StaffLanding.DESK_HINT_COOKIE))
            .exceptionHandling(errors -> errors
                    .authenticationEntryPoint(ReaderLogin.entryPoint()))
            .httpBasic(basic -> basic.disable())
            .addFilterBefore(new LoginThrottle(limiter, ReaderLogin.LOGIN, "email", ReaderLogin.LOGIN + "?throttled",
                    settings.login().perAddressPerMinute()),
                    UsernamePasswordAuthenticationFilter.class)
            .addFilterAfter(new AccountStateFilter(accounts), SecurityContextHolderFilter.class)
            .headers(SecurityConfiguration::headers)
            .addFilterAfter(new UndecodableParameters(), HeaderWriterFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webChain(HttpSecurity http, Accounts accounts) throws Exception {
        http
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/newsroom/staff", "/newsroom/staff/**", "/newsroom/mail", "/newsroom/mail/**",
                        "/newsroom/integrations", "/newsroom/integrations/**", "/newsroom/pages", "/newsroom/pages/**")
                    .hasRole(Role.ADMIN.name())
                // Chat moderators work only the moderation pages (and change their password); the story desk,
                // wire and the rest of the newsroom stay with contributors, editors and administrators.
                .requestMatchers("/newsroom/moderation", "/newsroom/moderation/**")
                    .hasAnyRole(Role.MODERATOR.name(), Role.EDITOR.name(), Role.ADMIN.name())
                .requestMatchers(AccountStateFilter.CHANGE_PASSWORD).hasAnyRole(Role.CONTRIBUTOR.name(),
                        Role.MODERATOR.name(), Role.EDITOR.name(), Role.ADMIN.name())
                .requestMatchers("/newsroom", "/newsroom/**").hasAnyRole(Role.CONTRIBUTOR.name(), Role.EDITOR.name(),
                        Role.ADMIN.name())
                .anyRequest().permitAll())
            // Public pages never open a session; only a login does.
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                    .sessionFixation(fixation -> fixation.changeSessionId()))
            .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()).ignoringRequestMatchers(new SameOriginAlertsForm()))
            .requestCache(cache -> cache.disable())
            .formLogin(form -> form.loginPage("/login").successHandler(StaffLanding.handler())
                    .failureUrl("/login?error").permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                    .deleteCookies("DATELINE_SESSION", StaffLanding.DESK_HINT_COOKIE))
            .httpBasic(basic -> basic.disable())
            .addFilterBefore(new LoginThrottle(limiter, settings.login().perAddressPerMinute()),
                    UsernamePasswordAuthenticationFilter.class)
            .addFilterAfter(new AccountStateFilter(accounts), SecurityContextHolderFilter.class)
            .headers(SecurityConfiguration::headers)
            .addFilterAfter(new UndecodableParameters(), HeaderWriterFilter.class);
        return http.build();
    }

    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
        return csrfTokens;
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private static void headers(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers
            // Pages set their own caching; the page cache filter answers conditional requests.
            .cacheControl(cache -> cache.disable())
            .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
            .referrerPolicy(referrer -> referrer.policy(
                    ReferrerPolicyHeaderWriter.ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY)))
            .frameOptions(frame -> frame.deny())
            // The page cache writes HSTS on its hits too: one writer, so both say the same.
            .httpStrictTransportSecurity(hsts -> hsts.disable())
            .addHeaderWriter(StrictTransport::write);
    }

    /**
     * No Micrometer observation around each filter of the chains, each authentication and each authorisation: on a
     * public page they were a tenth of the request's time, and nothing reads them (the requests' own timings stay).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    RequestRejectedHandler rejectedRequests() {
        return SecurityHeaders.onRejectedRequest();
    }

    /** bcrypt (through the delegating encoder, so hashes name their algorithm and can be upgraded later). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String code,
                                String detail) throws IOException {
        ProblemDetail problem = Problems.problem(status, code, detail);
        response.setStatus(status.value());
        response.setContentType(Problems.PROBLEM_JSON.toString());
        if (status == HttpStatus.UNAUTHORIZED && !"login_required".equals(code)) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), Problems.fields(problem));
    }
}
