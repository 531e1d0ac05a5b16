package org.dateline.newsroom;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * An entry's text and link as a use case stores them: plain text of 1 to {@value #MAX_TEXT} characters (line breaks
 * kept, other control characters refused) and an optional absolute http(s) link of at most {@value #MAX_LINK}.
 */
public record LiveEntryText(String text, String link) {

    public static final int MAX_TEXT = 2000;
    public static final int MAX_LINK = 2000;

    /** The text and link as given, tidied (line ends unified, outer blanks stripped), or the problems named. */
    static Checked check(String text, String link) {
        List<FieldProblem> problems = new ArrayList<>();
        String tidyText = text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (tidyText.isEmpty()) {
            problems.add(new FieldProblem("text", "required", "An entry needs its text."));
        } else if (tidyText.length() > MAX_TEXT) {
            problems.add(new FieldProblem("text", "too_long", "An entry is at most " + MAX_TEXT + " characters."));
        } else if (tidyText.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            problems.add(new FieldProblem("text", "invalid_value", "The text holds control characters."));
        }
        String tidyLink = link == null || link.isBlank() ? null : link.strip();
        if (tidyLink != null && !isWebAddress(tidyLink)) {
            problems.add(new FieldProblem("link", "invalid_link",
                    "A link is an http:// or https:// address of at most " + MAX_LINK + " characters."));
        }
        return problems.isEmpty() ? new Checked(new LiveEntryText(tidyText, tidyLink), null)
                : new Checked(null, new StoryResult.Rejected(problems));
    }

    record Checked(LiveEntryText text, StoryResult rejected) {
    }

    private static boolean isWebAddress(String link) {
        if (link.length() > MAX_LINK || link.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
        } catch (URISyntaxException notAnAddress) {
            return false;
        }
    }
}
