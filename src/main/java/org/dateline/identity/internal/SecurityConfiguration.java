package org.dateline.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.dateline.identity.Scopes;
import org.dateline.platform.DatelineSettings;
import org.dateline.platform.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/** The one place where every request is authorised. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, DatelineSettings settings, JsonMapper json)
            throws Exception {
        http
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/api/admin/**").hasAuthority(Scopes.ARTICLES_WRITE)
                .anyRequest().permitAll())
            .addFilterBefore(new AdminTokenFilter(settings), AnonymousAuthenticationFilter.class)
            // Public pages are the same for everyone and never open a session; the admin API is token-based.
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
            .requestCache(cache -> cache.disable())
            .securityContext(context -> context.requireExplicitSave(true))
            .httpBasic(basic -> basic.disable())
            .formLogin(form -> form.disable())
            .logout(logout -> logout.disable())
            .headers(headers -> headers
                // Pages set their own caching; the page cache filter answers conditional requests.
                .cacheControl(cache -> cache.disable())
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny()))
            .exceptionHandling(errors -> errors
                .authenticationEntryPoint((request, response, e) -> problem(response, json, HttpStatus.UNAUTHORIZED,
                        settings.adminApiEnabled() ? "unauthorized" : "admin_api_disabled",
                        settings.adminApiEnabled()
                                ? "Send a valid token as 'Authorization: Bearer <token>'."
                                : "The admin API is off: set DATELINE_ADMIN_TOKEN to switch it on."))
                .accessDeniedHandler((request, response, e) -> problem(response, json, HttpStatus.FORBIDDEN,
                        "forbidden", "This token may not do that.")));
        return http.build();
    }

    /** No user store yet: staff and readers come later. An empty one keeps Boot from inventing a default user. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    private static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String code,
                                String detail) throws IOException {
        ProblemDetail problem = Problems.problem(status, code, detail);
        response.setStatus(status.value());
        response.setContentType(Problems.PROBLEM_JSON.toString());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.putAll(problem.getProperties());
        json.writeValue(response.getOutputStream(), body);
    }
}
