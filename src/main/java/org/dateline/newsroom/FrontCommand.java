package org.dateline.newsroom;

import java.util.List;

/**
 * An edition's front page as an editor asks for it, from any entrance (the front screen, the admin API).
 *
 * @param top      the top story, null to let the latest story lead
 * @param pinned   the pinned stories in their order
 * @param sections slugs of the sections whose blocks come first, in this order
 */
public record FrontCommand(Pick top, List<Pick> pinned, List<String> sections) {

    /** A story for the front: its id (null when the entrance could not read one) and an optional short headline. */
    public record Pick(Long articleId, String frontHeadline) {
    }

    public FrontCommand {
        pinned = pinned == null ? List.of() : pinned.stream().map(p -> p == null ? new Pick(null, null) : p).toList();
        sections = sections == null ? List.of() : sections.stream().map(s -> s == null ? "" : s).toList();
    }
}
