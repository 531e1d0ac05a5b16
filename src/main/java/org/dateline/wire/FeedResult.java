package org.dateline.wire;

import java.util.List;

import org.dateline.newsroom.FieldProblem;

/** What became of a change to a feed: done, refused with problems a person can act on, or no such feed. */
public sealed interface FeedResult {

    record Done(WireFeed feed) implements FeedResult {
    }

    record Refused(List<FieldProblem> problems) implements FeedResult {
    }

    /** Another node (or request) is polling the feed right now. */
    record Busy(WireFeed feed) implements FeedResult {
    }

    record NotFound() implements FeedResult {
    }
}
