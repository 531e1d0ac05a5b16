package org.dateline.identity;

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
}
