package org.dateline.wire;

/** The publishing status a provider gives an item (NewsML-G2 {@code stat:*}, ninjs {@code pubstatus}). */
public enum PubStatus {
    /** May be published. */
    USABLE,
    /** Must not be published until a later version says so; a published copy must be taken down. */
    WITHHELD,
    /** Withdrawn for good: a published copy must be killed. */
    CANCELED
}
