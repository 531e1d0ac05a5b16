package org.dateline.pages;

import java.util.Arrays;
import java.util.Optional;

/** The pages every edition has, by the last part of their address ({@code /en/about}). */
public enum PageKind {
    ABOUT("about"), CONTACT("contact"), PRIVACY("privacy");

    private final String slug;

    PageKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public String path(String edition) {
        return "/" + edition + "/" + slug;
    }

    public static Optional<PageKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(kind -> kind.slug.equals(slug)).findFirst();
    }
}
