package org.dateline.chats.internal;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.springframework.stereotype.Component;

/** The {@link TimeFormat} of each edition, for the chat pages this module renders itself. */
@Component
class EditionTimes {

    private final Editions editions;
    /** By the edition as read: an edition given another time zone is another record, with a format of its own. */
    private final Map<Edition, TimeFormat> byEdition = new ConcurrentHashMap<>();

    EditionTimes(Editions editions) {
        this.editions = editions;
    }

    /** The edition's format; the default edition's for a code that names none. */
    TimeFormat of(String edition) {
        Edition found = editions.find(edition).orElseGet(editions::defaultEdition);
        return byEdition.computeIfAbsent(found, TimeFormat::of);
    }

    /** For a page in a language rather than an edition (a reader's account pages): the edition of that language. */
    TimeFormat of(Locale language) {
        return of(editions.all().stream().filter(e -> e.locale().getLanguage().equals(language.getLanguage()))
                .map(Edition::code).findFirst().orElse(editions.defaultEdition().code()));
    }
}
