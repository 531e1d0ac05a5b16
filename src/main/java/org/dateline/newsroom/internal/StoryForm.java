package org.dateline.newsroom.internal;

import java.util.Arrays;
import java.util.List;

import org.dateline.newsroom.PublishCommand;

/** The story form's fields as posted; text areas hold one tag or author per line, paragraphs split at blank lines. */
public record StoryForm(String edition, String section, String headline, String lead, String body, String datelinePlace,
                        String credit, String tags, String authors, String when, String publishAt) {

    static StoryForm empty(String edition) {
        return new StoryForm(edition, "", "", "", "", "", "", "", "", "now", "");
    }

    PublishCommand command() {
        return new PublishCommand(edition, section, headline, lead, body == null ? List.of() : List.of(body),
                datelinePlace, null, credit, lines(tags), lines(authors), null, null, null);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\r\\n,]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}

