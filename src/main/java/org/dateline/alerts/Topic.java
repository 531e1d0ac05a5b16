package org.dateline.alerts;

import java.util.Optional;

/** What a subscription follows: an edition's breaking news, a section, a tag, an author, or one story. */
public enum Topic {
    BREAKING, SECTION, TAG, AUTHOR, STORY;

    /** The topic a form names, in any case; empty for anything else. */
    public static Optional<Topic> parse(String value) {
        return Delivery.parse(Topic.class, value);
    }
}
