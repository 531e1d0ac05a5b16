package org.dateline.identity;

import java.util.Optional;

/**
 * The login sessions behind long-lived connections. A chat socket is opened with the reader's session and may live
 * for hours; before it acts for the reader it asks whether that session still stands (not logged out, not expired,
 * on whichever node that happened). Acting counts as using the session, as loading a page does.
 */
public interface LoginSessions {

    /**
     * Whether the session with this id still stands (false for null). A standing session is used now: its idle
     * timeout starts again, so a reader who only chats over an open socket stays logged in.
     */
    boolean use(String sessionId);

    /**
     * The account a connection acts for, when the session it was opened with still stands: {@link #use} and the
     * account's current row in one look-up (a chat socket asks before every post). Empty when the session does not
     * stand (or the account is gone).
     */
    Optional<Account> use(String sessionId, long accountId);
}
