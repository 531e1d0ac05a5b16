package org.dateline.identity.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends the sessions an account is logged in with, found by {@link AccountSessionIndex}. Sessions live in the shared
 * database and every node reads a session from there on each request, keeping nothing of it in between: a session
 * deleted here is logged out on every node at its next request, and a chat socket opened with it stops acting for
 * the account ({@link StoredLoginSessions}). A request in flight with a deleted session cannot bring it back: Spring
 * Session saves it by updating the row, which is gone. Joins the caller's transaction.
 */
@Component
class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the account; the number of them that were still live. */
    int endAll(long accountId) {
        return endAllBut(accountId, null);
    }

    /**
     * Ends every session of the account but the one with this id (null: none), the one a person acts in; the number
     * of them that were still live (expired ones the cleanup job had not removed yet go too, uncounted).
     */
    int endAllBut(long accountId, String keptSessionId) {
        int ended = 0;
        for (Session session : sessions.findByIndexNameAndIndexValue(
                FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, AccountSessionIndex.key(accountId)).values()) {
            if (!session.getId().equals(keptSessionId)) {
                sessions.deleteById(session.getId());
                ended += session.isExpired() ? 0 : 1;
            }
        }
        return ended;
    }
}
