package org.dateline.alerts;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.IntStream;

import org.dateline.editions.Edition;
import org.dateline.editions.Section;
import org.dateline.identity.ReaderPages;
import org.dateline.platform.web.Translated;

/**
 * A Subscribe form ({@code alerts/form.jte}): the same for every reader, so that it can sit on cached pages. It POSTs
 * to {@code /{edition}/subscribe}; a logged-in reader leaves the address empty. Either it follows one thing (hidden
 * {@code topic} and {@code target}), or, on the edition's subscribe page, whatever the reader checks among its
 * {@code choices} (one {@code follow} box each).
 *
 * @param what    the name of what it follows, in the page's language; the page's title for the choices
 * @param email   the address to put back after a refusal; empty on public pages
 * @param choices what the reader may check; empty for a form that follows one thing
 */
public record SubscribeForm(Locale locale, String edition, Topic topic, long target, String what, String zone,
                            String email, Delivery delivery, int hour, List<Choice> choices) implements Translated {

    /** One thing the edition's form offers, by the value its box sends ({@code TOPIC:target}). */
    public record Choice(Topic topic, long target, String what, boolean checked) {

        public String value() {
            return topic.name() + ":" + target;
        }

        public String id() {
            return "alerts-follow-" + topic.name().toLowerCase(Locale.ROOT) + "-" + target;
        }
    }

    /** The form on a public page. */
    public static SubscribeForm of(Edition edition, Topic topic, long target, String what) {
        return new SubscribeForm(edition.locale(), edition.code(), topic, target, what, edition.zone().getId(), "",
                Delivery.EMAIL, 7, List.of());
    }

    /** The edition's form as the subscribe page shows it: its breaking news checked, then each section. */
    public static SubscribeForm edition(Edition edition, List<Section> sections) {
        return edition(edition, sections, List.of(Topic.BREAKING.name() + ":0"), edition.zone().getId(), "",
                Delivery.EMAIL, 7);
    }

    /** The edition's form with the boxes in {@code checked} (values as sent) checked, the rest as sent too. */
    public static SubscribeForm edition(Edition edition, List<Section> sections, Collection<String> checked,
                                        String zone, String email, Delivery delivery, int hour) {
        ResourceBundle strings = ReaderPages.strings(Locale.forLanguageTag(edition.locale().getLanguage()));
        List<Choice> choices = new ArrayList<>();
        String breaking = label(strings, edition.locale(), "alerts.topic.BREAKING", edition.name());
        choices.add(new Choice(Topic.BREAKING, 0, breaking, checked.contains(Topic.BREAKING.name() + ":0")));
        for (Section section : sections) {
            String value = Topic.SECTION.name() + ":" + section.id();
            choices.add(new Choice(Topic.SECTION, section.id(), label(strings, edition.locale(),
                    "alerts.topic.SECTION", section.name()), checked.contains(value)));
        }
        return new SubscribeForm(edition.locale(), edition.code(), null, 0, strings.getString("alerts.form.follow"),
                zone, email, delivery, hour, List.copyOf(choices));
    }

    private static String label(ResourceBundle strings, Locale locale, String key, String name) {
        return new MessageFormat(strings.getString(key), locale).format(new Object[] {name});
    }

    @Override
    public ResourceBundle strings() {
        return ReaderPages.strings(Locale.forLanguageTag(locale.getLanguage()));
    }

    /** True for the edition's form, whose boxes say what it follows. */
    public boolean many() {
        return !choices.isEmpty();
    }

    /** Unique on a page. */
    public String id() {
        return many() ? "alerts-edition" : "alerts-" + topic.name().toLowerCase(Locale.ROOT) + "-" + target;
    }

    public String action() {
        return "/" + edition + "/subscribe";
    }

    public List<Integer> hours() {
        return HOURS;
    }

    /** The label of a digest hour of {@link #hours()}: {@code 07:00}. */
    public static String hourLabel(int hour) {
        return HOUR_LABELS.get(hour);
    }

    private static final List<Integer> HOURS = IntStream.range(0, 24).boxed().toList();
    private static final List<String> HOUR_LABELS = HOURS.stream()
            .map(hour -> String.format(Locale.ROOT, "%02d:00", hour)).toList();
}
