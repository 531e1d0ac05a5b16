package org.dateline.identity.internal;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.IndexResolver;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Files every stored session under the account logged in with it, by id ({@code account:42}), in the column Spring
 * Session indexes ({@code principal_name}); Spring Session picks this resolver up instead of its default, which files
 * a session under the login name. An id names one account for ever, whichever address it has and whichever chain
 * (staff or reader) it logged in through, and fits the column: an email address may be longer than its 100
 * characters. {@link AccountSessions} finds an account's sessions by it.
 */
@Component
class AccountSessionIndex implements IndexResolver<Session> {

    static String key(long accountId) {
        return "account:" + accountId;
    }

    @Override
    public Map<String, String> resolveIndexesFor(Session session) {
        Object stored = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        Authentication login = stored instanceof SecurityContext context ? context.getAuthentication() : null;
        if (login != null && login.getPrincipal() instanceof AccountPrincipal principal) {
            return Map.of(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
                    key(principal.actor().accountId()));
        }
        return Map.of();
    }
}
