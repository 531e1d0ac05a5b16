package org.dateline.newsroom;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dateline.content.ArticleState;

/**
 * A story as the newsroom sees it, in any state: its current fields, where it stands, the desk it is on, who holds
 * its edit lock and where it came from when a wire sent it.
 *
 * @param publishAt when it went or goes public: the publication time of a live, unpublished or killed story, the
 *                  release time of a scheduled one; null for a story never published
 * @param blocks    the body's markup in blocks (see {@link org.dateline.content.Body})
 * @param path      its public address once it has one (live, scheduled, unpublished or killed)
 * @param leadPicture the lead picture's id in the library, or {@code null}
 * @param breakingSince since when the live story is marked breaking news, null when it is not
 */
public record Story(long id, ArticleState state, String desk, String edition, String section, String slug,
                    String headline, String lead, List<String> blocks, String datelinePlace,
                    LocalDate datelineDate, String credit, List<String> tags, List<String> authors,
                    Instant publishAt, Instant updatedAt, String path, String correctionNote, int revision,
                    Long createdBy, String createdByName, Lock lock, Provenance provenance, Long leadPicture,
                    Instant breakingSince) {

    /** Who is editing the story, since when. */
    public record Lock(long accountId, String name, Instant at) {
    }

    /** Where a wire story came from: the source, the item's guid and version, when its last version arrived. */
    public record Provenance(String source, String guid, long version, Instant receivedAt) {
    }

    public boolean breaking() {
        return breakingSince != null;
    }

    public StoryStatus status() {
        return StoryStatus.of(state);
    }

    /** The story's fields as a command, e.g. to publish or save them again. */
    public PublishCommand fields() {
        return new PublishCommand(edition, section, headline, lead, blocks, datelinePlace, datelineDate, credit,
                tags, authors, slug, null, leadPicture);
    }
}
