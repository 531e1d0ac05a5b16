package org.dateline.content;

import java.util.List;
import java.util.Optional;

/** Reads of live coverage: which stories are live coverage, and their entries as readers see them. */
public interface LiveCoverageQueries {

    /** Whether the story (in any state) is marked as live coverage. */
    boolean isLiveCoverage(long articleId);

    /** The story's entries that are not deleted, newest first. */
    List<LiveEntry> entries(long articleId);

    /** An entry that is not deleted. */
    Optional<LiveEntry> entry(long entryId);
}
