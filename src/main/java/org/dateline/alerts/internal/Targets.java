package org.dateline.alerts.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;

import org.dateline.alerts.Subscription;
import org.dateline.alerts.Topic;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Author;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;
import org.dateline.identity.ReaderPages;
import org.springframework.stereotype.Component;

/**
 * What a subscription may follow, and its name for readers: an edition's breaking news (target 0), a section or a
 * tag of that edition, an author, a story published in that edition.
 */
@Component
public class Targets {

    private final Editions editions;
    private final ContentQueries content;

    Targets(Editions editions, ContentQueries content) {
        this.editions = editions;
        this.content = content;
    }

    public boolean exists(Topic topic, String edition, long target) {
        return name(topic, edition, target).isPresent();
    }

    /** "Breaking news", "Section: Sport", … in the language; "(no longer published)" for what is gone. */
    public String label(Subscription subscription, Locale locale) {
        var strings = ReaderPages.strings(locale);
        String name = name(subscription.topic(), subscription.edition(), subscription.targetId())
                .orElse(strings.getString("alerts.target.gone"));
        return new MessageFormat(strings.getString("alerts.topic." + subscription.topic().name()), locale)
                .format(new Object[] {name});
    }

    private Optional<String> name(Topic topic, String edition, long target) {
        return switch (topic) {
            case BREAKING -> target == 0 ? editions.find(edition).map(Edition::name) : Optional.empty();
            case SECTION -> editions.section(target).filter(s -> s.edition().equals(edition)).map(Section::name);
            case TAG -> editions.tag(target).filter(t -> t.edition().equals(edition)).map(Tag::name);
            case AUTHOR -> editions.author(target).map(Author::name);
            case STORY -> content.article(target).filter(a -> a.edition().equals(edition)).map(a -> a.headline());
        };
    }
}
