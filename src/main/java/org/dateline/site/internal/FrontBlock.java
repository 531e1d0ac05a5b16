package org.dateline.site.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.content.FrontQueries;
import org.dateline.content.LiveFront;
import org.dateline.editions.Edition;
import org.dateline.editions.Section;
import org.dateline.site.Ui;
import org.dateline.site.view.FrontView;
import org.dateline.site.view.Teaser;
import org.springframework.stereotype.Component;

/**
 * The home page as a front page: the top story editors chose (else the latest) large, their pinned stories and then
 * the latest as secondary stories, then a block of the latest per section in the editors' order, each story shown
 * once. Only live stories of the edition appear: a chosen story that left the site drops out and the latest takes
 * its place. With the surrogate keys the page must carry: the edition's (any story of it changing), the front's
 * (editors rearranging it) and those of the pictures shown.
 */
@Component
class FrontBlock {

    static final int SECONDARY = 6;
    static final int SECTION_ITEMS = 4;

    record Shown(FrontView view, List<String> keys) {
    }

    private final FrontQueries fronts;
    private final ContentQueries content;
    private final Pages pages;

    FrontBlock(FrontQueries fronts, ContentQueries content, Pages pages) {
        this.fronts = fronts;
        this.content = content;
        this.pages = pages;
    }

    Shown home(Edition edition, Ui ui) {
        LiveFront front = fronts.live(edition.code());
        List<ArticleSummary> latest = content.latest(edition.code(), null, 1 + SECONDARY + SECONDARY);
        Set<Long> shown = new HashSet<>();
        List<ArticleSummary> listed = new ArrayList<>();

        Teaser lead = null;
        if (front.top() != null) {
            lead = teaser(front.top(), ui, true);
            shown.add(front.top().article().id());
            listed.add(front.top().article());
        } else if (!latest.isEmpty()) {
            lead = pages.teaser(latest.get(0), ui, true);
            shown.add(latest.get(0).id());
            listed.add(latest.get(0));
        }
        List<Teaser> secondary = new ArrayList<>();
        for (LiveFront.Story pinned : front.pinned()) {
            if (secondary.size() < SECONDARY && shown.add(pinned.article().id())) {
                secondary.add(teaser(pinned, ui, false));
                listed.add(pinned.article());
            }
        }
        for (ArticleSummary article : latest) {
            if (secondary.size() < SECONDARY && shown.add(article.id())) {
                secondary.add(pages.teaser(article, ui, false));
                listed.add(article);
            }
        }
        List<FrontView.SectionBlock> blocks = new ArrayList<>();
        for (Section section : front.sections()) {
            List<Teaser> teasers = new ArrayList<>();
            for (ArticleSummary article : content.inSection(section.id(), null, SECTION_ITEMS + shown.size())) {
                if (teasers.size() < SECTION_ITEMS && shown.add(article.id())) {
                    teasers.add(pages.teaser(article, ui, false));
                    listed.add(article);
                }
            }
            if (!teasers.isEmpty()) {
                blocks.add(new FrontView.SectionBlock("front-" + section.slug(), section.name(), section.path(),
                        teasers));
            }
        }
        // Older news is the newsfeed's: every story by time, paged by date cursor.
        String more = latest.isEmpty() ? null : "/" + edition.code() + "/newsfeed";
        List<String> keys = new ArrayList<>(List.of(ContentKeys.edition(edition.code()),
                ContentKeys.front(edition.code())));
        keys.addAll(ContentKeys.leadPictures(listed));
        return new Shown(new FrontView(lead, secondary, blocks, more), keys);
    }

    private Teaser teaser(LiveFront.Story story, Ui ui, boolean first) {
        return pages.teaser(story.article(), ui, first).withHeadline(story.headline());
    }
}
