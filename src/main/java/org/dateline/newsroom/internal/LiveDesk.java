package org.dateline.newsroom.internal;

import java.time.Instant;
import java.util.List;

import org.dateline.content.LiveEntry;

/**
 * A story's live coverage as the newsroom shows it: the flag, and for a live coverage story its entries with the
 * form to post one.
 *
 * @param canPost     whether the story takes entries now (it is published); a story not yet out shows why not
 * @param returnTo    the newsroom page the forms come back to: the story's editor or its entries page
 * @param draftText   the text of an entry the form refused, kept to correct it
 */
public record LiveDesk(long storyId, boolean liveCoverage, boolean canPost, List<Row> entries, String publicPath,
                String returnTo, String draftText, String draftLink) {

    /** One entry: its text and link, when it was posted and last corrected (UTC, as the newsroom works). */
    public record Row(long id, String text, String link, String posted, String postedLabel, String updatedLabel,
               String permalink) {

        static Row of(LiveEntry entry, String publicPath) {
            return new Row(entry.id(), entry.text(), entry.link(), entry.postedAt().toString(),
                    label(entry.postedAt()), entry.wasUpdated() ? label(entry.updatedAt()) : null,
                    publicPath == null ? null : publicPath + "#" + entry.anchor());
        }

        private static String label(Instant at) {
            return at.toString().substring(0, 16).replace('T', ' ') + " UTC";
        }
    }
}
