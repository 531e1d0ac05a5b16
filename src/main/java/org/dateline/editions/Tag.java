package org.dateline.editions;

/** A topic label of one edition. */
public record Tag(long id, String edition, String slug, String name) {

    public String path() {
        return "/" + edition + "/tag/" + slug;
    }
}
