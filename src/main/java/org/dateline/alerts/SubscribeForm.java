package org.dateline.alerts;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.IntStream;

import org.dateline.editions.Edition;
import org.dateline.identity.ReaderPages;
import org.dateline.platform.web.Translated;

/**
 * A Subscribe form ({@code alerts/form.jte}) for one thing to follow: the same for every reader, so that it can sit
 * on cached pages. It POSTs to {@code /{edition}/subscribe}; a logged-in reader leaves the address empty.
 *
 * @param what  the name of what it follows, in the page's language
 * @param email the address to put back after a refusal; empty on public pages
 */
public record SubscribeForm(Locale locale, String edition, Topic topic, long target, String what, String zone,
                            String email, Delivery delivery, int hour) implements Translated {

    /** The form on a public page. */
    public static SubscribeForm of(Edition edition, Topic topic, long target, String what) {
        return new SubscribeForm(edition.locale(), edition.code(), topic, target, what, edition.zone().getId(), "",
                Delivery.EMAIL, 7);
    }

    @Override
    public ResourceBundle strings() {
        return ReaderPages.strings(Locale.forLanguageTag(locale.getLanguage()));
    }

    /** Unique on a page that shows several forms. */
    public String id() {
        return "alerts-" + topic.name().toLowerCase(Locale.ROOT) + "-" + target;
    }

    public String action() {
        return "/" + edition + "/subscribe";
    }

    public List<Integer> hours() {
        return IntStream.range(0, 24).boxed().toList();
    }
}
