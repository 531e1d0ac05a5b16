package org.dateline.pages;

import java.util.List;
import java.util.Optional;

import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.pages.internal.DefaultTexts;
import org.dateline.pages.internal.JdbcSitePages;
import org.springframework.stereotype.Service;

/** Reads site pages: what an administrator saved, or else the default text for the edition's language. */
@Service
public class SitePages {

    private final JdbcSitePages stored;
    private final DefaultTexts defaults;
    private final Editions editions;

    SitePages(JdbcSitePages stored, DefaultTexts defaults, Editions editions) {
        this.stored = stored;
        this.defaults = defaults;
        this.editions = editions;
    }

    /** Empty only for an edition that does not exist. */
    public Optional<SitePage> page(String edition, PageKind kind) {
        return editions.find(edition).map(e -> page(e, kind));
    }

    public SitePage page(Edition edition, PageKind kind) {
        return stored.find(edition.code(), kind).orElseGet(() -> defaults.page(edition, kind));
    }

    /** Every page of every edition, editions in their order, for the newsroom's list. */
    public List<SitePage> all() {
        return editions.all().stream()
                .flatMap(edition -> java.util.Arrays.stream(PageKind.values()).map(kind -> page(edition, kind)))
                .toList();
    }
}
