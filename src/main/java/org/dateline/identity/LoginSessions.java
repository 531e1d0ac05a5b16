package org.dateline.identity;

/**
 * The login sessions behind long-lived connections. A chat socket is opened with the reader's session and may live
 * for hours; before it acts for the reader it asks whether that session still stands (not logged out, not expired,
 * on whichever node that happened).
 */
public interface LoginSessions {

    /** Whether the session with this id still exists; false for null. */
    boolean stands(String sessionId);
}
