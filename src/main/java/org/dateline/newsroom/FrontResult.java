package org.dateline.newsroom;

import java.util.List;

import org.dateline.content.FrontArrangement;

/** The outcome of arranging a front page: stored, its fields refused, or the action refused for a named reason. */
public sealed interface FrontResult {

    /** Stored, as it is now. */
    record Done(FrontArrangement arrangement) implements FrontResult {
    }

    /** The fields were refused, each problem named; nothing was stored. */
    record Rejected(List<FieldProblem> problems) implements FrontResult {
    }

    /** Refused as a whole; nothing was stored. */
    record Refused(Reason reason) implements FrontResult {
    }

    enum Reason {
        UNKNOWN_EDITION("unknown_edition"),
        NOT_PERMITTED("not_permitted");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
