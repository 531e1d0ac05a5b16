package org.dateline.pages;

/** The surrogate key of a site page: the public page is tagged with it, a save's change names it. */
public final class SitePageKeys {

    private SitePageKeys() {
    }

    public static String of(String edition, PageKind kind) {
        return "sitepage:" + edition + ":" + kind.slug();
    }
}
