package org.dateline.editions;

/** A journalist credited on articles; one person across editions, their page exists in each edition. */
public record Author(long id, String slug, String name) {

    public String path(String edition) {
        return "/" + edition + "/author/" + slug;
    }
}
