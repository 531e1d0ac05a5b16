package org.dateline.identity;

import java.util.Optional;

/**
 * The login sessions behind long-lived connections. A chat socket is opened with the reader's session and may live
 * for hours; before it acts for the reader it asks whether that session still stands (not logged out, not expired,
 * on whichever node that happened). Acting counts as using the session, as loading a page does.
 */
public interface LoginSessions {

    /**
     * The account a connection acts for, read fresh, when the session it was opened with still stands, in one
     * look-up (a chat socket asks before every post). Empty when the session does not stand (or is null) or the
     * account is gone. A standing session is used now: its idle timeout starts again, so a reader who only chats over
     * an open socket stays logged in.
     */
    Optional<Account> use(String sessionId, long accountId);
}
