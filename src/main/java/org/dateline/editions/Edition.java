package org.dateline.editions;

import java.time.ZoneId;
import java.util.Locale;

/** A language site, such as {@code en} or {@code ru}, with its own sections, tags and UI language. */
public record Edition(String code, Locale locale, String name, String siteName, ZoneId zone, boolean isDefault) {

    public String homePath() {
        return "/" + code + "/";
    }
}
