package org.dateline.newsroom.internal;

import java.util.List;
import java.util.Optional;

import org.dateline.content.ArticleState;
import org.dateline.identity.CurrentScopes;
import org.dateline.identity.Scopes;
import org.dateline.media.PictureJson;
import org.dateline.media.PictureQueries;
import org.dateline.newsroom.Story;
import org.dateline.newsroom.StoryAlerts;
import org.dateline.newsroom.StoryFilter;
import org.dateline.newsroom.StoryQueries;
import org.dateline.newsroom.StorySummary;
import org.dateline.platform.web.BaseUrl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which stories the admin API's story list and story read show the caller, decided here alone (the security
 * configuration decides which calls a scope reaches at all). With {@code stories:read}, which {@code articles:write}
 * includes, every story in any state. With {@code articles:read} alone, what readers can read: live stories, without
 * the newsroom's own fields (who created it, who holds its lock, the wire it came from). A draft, a scheduled or
 * embargoed story before its release, an unpublished or killed one answers to such a token exactly as an id that
 * does not exist, and the list never holds one, whatever its filters; kill notices reach partners through
 * {@code /api/ninjs} and {@code /api/newsml} (410) and the {@code article.killed} webhook.
 */
@Component
class AdminStoryReads {

    private final StoryQueries queries;
    private final CurrentScopes scopes;
    private final PictureQueries pictures;
    private final BaseUrl baseUrl;
    private final ObjectProvider<StoryAlerts> alerts;

    AdminStoryReads(StoryQueries queries, CurrentScopes scopes, PictureQueries pictures, BaseUrl baseUrl,
                    ObjectProvider<StoryAlerts> alerts) {
        this.alerts = alerts;
        this.queries = queries;
        this.scopes = scopes;
        this.pictures = pictures;
        this.baseUrl = baseUrl;
    }

    Optional<StoryResources.StoryResource> story(long id) {
        if (readsNewsroom()) {
            return queries.find(id).map(this::resource);
        }
        return queries.find(id).filter(story -> story.state() == ArticleState.LIVE)
                .map(story -> resource(story).published());
    }

    /** The story in full, as a caller that may read the newsroom sees it. */
    StoryResources.StoryResource resource(Story story) {
        PictureJson lead = story.leadPicture() == null ? null : pictures.find(story.leadPicture())
                .map(picture -> PictureJson.of(picture, baseUrl.get())).orElse(null);
        StoryAlerts counter = alerts.getIfAvailable();
        return StoryResources.of(story, lead, baseUrl,
                counter == null ? StoryAlerts.Counts.NONE : counter.counts(story.id()));
    }

    List<StorySummary> list(StoryFilter filter) {
        if (readsNewsroom()) {
            return queries.list(filter);
        }
        if (filter.state() != null && filter.state() != ArticleState.LIVE) {
            return List.of();
        }
        return queries.list(new StoryFilter(filter.desk(), ArticleState.LIVE, filter.edition(), filter.section(),
                filter.createdBy(), filter.text(), filter.author(), filter.limit())).stream()
                .map(s -> new StorySummary(s.id(), s.state(), s.desk(), s.edition(), s.section(), s.headline(),
                        s.updatedAt(), null, null, null))
                .toList();
    }

    private boolean readsNewsroom() {
        return scopes.holds(Scopes.STORIES_READ);
    }
}
