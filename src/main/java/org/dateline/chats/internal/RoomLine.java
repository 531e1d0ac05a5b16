package org.dateline.chats.internal;

import org.dateline.chats.ReaderRoom;

/** A followed room as the reader's chats page lists it, with its activity time in its language. Public for the template. */
public record RoomLine(ReaderRoom room, String activityLabel) {
}
