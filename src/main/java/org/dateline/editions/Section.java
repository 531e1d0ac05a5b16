package org.dateline.editions;

/** A section of one edition, such as "Russia", with the description shown at the top of its page. */
public record Section(long id, String edition, String slug, String name, String description, int position) {

    public String path() {
        return "/" + edition + "/" + slug + "/";
    }
}
