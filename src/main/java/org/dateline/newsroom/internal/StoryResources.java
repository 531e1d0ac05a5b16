package org.dateline.newsroom.internal;

import java.util.List;

import org.dateline.content.ArticleState;
import org.dateline.media.PictureJson;
import org.dateline.newsroom.Story;
import org.dateline.newsroom.StoryAlerts;
import org.dateline.newsroom.StoryRevision;
import org.dateline.platform.web.BaseUrl;

/** The admin API's JSON views of stories and revisions: records, never entities or maps. */
final class StoryResources {

    private StoryResources() {
    }

    /**
     * @param leadPicture the lead picture with its renditions; absent when the story has none, or names an id the
     *                    library does not hold
     */
    record StoryResource(long id, ArticleState state, String desk, String edition, String section, String headline,
                         String lead, List<String> body, String datelinePlace, String datelineDate, String credit,
                         List<String> tags, List<String> authors, PictureJson leadPicture, String slug, String url,
                         String publishedAt, String updatedAt, String correction, int revision, String createdBy,
                         String lockedBy, Story.Provenance provenance, boolean breaking, StoryAlerts.Counts alerts) {

        /**
         * Without the newsroom's own fields, which readers never see: who created it, holds its lock, sent it, and a
         * lead picture the site does not show (withdrawn).
         */
        StoryResource published() {
            PictureJson shown = leadPicture == null || !"ACTIVE".equals(leadPicture.state()) ? null : leadPicture;
            return new StoryResource(id, state, desk, edition, section, headline, lead, body, datelinePlace,
                    datelineDate, credit, tags, authors, shown, slug, url, publishedAt, updatedAt, correction,
                    revision, null, null, null, breaking, null);
        }
    }

    record RevisionLine(int number, String savedAt, String savedBy, ArticleState state, String headline,
                        String note) {
    }

    record RevisionResource(long id, int number, String savedAt, String savedBy, ArticleState state, String section,
                            String headline, String lead, List<String> body, String datelinePlace,
                            String datelineDate, String credit, List<String> tags, List<String> authors,
                            Long leadPicture, String slug, String note) {
    }

    /** A story's new state, the answer to publish, unpublish and kill. */
    record StateChanged(long id, ArticleState state) {
    }

    /** A published story's address, the answer to creating one and to a correction. */
    record Published(long id, String url) {
    }

    record ScheduledArticle(long id, String url, ArticleState state, String publishAt, boolean embargo) {
    }

    /** The story as the admin API shows it, in any state, with its lead picture as the library holds it. */
    static StoryResource of(Story s, PictureJson leadPicture, BaseUrl baseUrl, StoryAlerts.Counts alerts) {
        return new StoryResource(s.id(), s.state(), s.desk(), s.edition(), s.section(), s.headline(), s.lead(),
                s.blocks(), s.datelinePlace(), s.datelineDate() == null ? null : s.datelineDate().toString(),
                s.credit(), s.tags(), s.authors(), leadPicture, s.slug(), s.path() == null ? null : baseUrl.of(s.path()),
                s.publishAt() == null ? null : s.publishAt().toString(), s.updatedAt().toString(),
                s.correctionNote(), s.revision(), s.createdByName(), s.lock() == null ? null : s.lock().name(),
                s.provenance(), s.breaking(), alerts);
    }

    static RevisionLine line(StoryRevision r) {
        return new RevisionLine(r.number(), r.savedAt().toString(), r.savedByName(), r.state(), r.fields().headline(),
                r.note());
    }

    static RevisionResource of(StoryRevision r) {
        var f = r.fields();
        return new RevisionResource(r.storyId(), r.number(), r.savedAt().toString(), r.savedByName(), r.state(),
                f.section(), f.headline(), f.lead(), f.body(), f.datelinePlace(),
                f.datelineDate() == null ? null : f.datelineDate().toString(), f.credit(), f.tags(), f.authors(),
                f.leadPicture(), f.slug(), r.note());
    }
}
