package org.dateline.newsroom.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.dateline.content.ArticleSummary;
import org.dateline.content.LiveFront;
import org.dateline.editions.Section;
import org.dateline.newsroom.ArrangeFront;
import org.dateline.newsroom.FrontCommand;

/**
 * The front screen's form: the top story, the pinned slots (each with a short headline and a box to take it off the
 * front on Save), and a position per section block. Slots are read by index, so an emptied slot stays where it was.
 */
public record FrontForm(Slot top, List<Slot> pinned, List<SectionRow> sections) {

    /** A story slot: the chosen story's id as the form sends it ("" for none). */
    public record Slot(String id, String headline, boolean remove) {
    }

    public record SectionRow(String slug, String name, String position) {
    }

    /** The form showing the live front as it is, with the empty pinned slots after the chosen ones. */
    static FrontForm of(LiveFront front) {
        Slot top = front.top() == null ? new Slot("", "", false)
                : new Slot(String.valueOf(front.top().article().id()), orEmpty(front.top().frontHeadline()), false);
        List<Slot> pinned = new ArrayList<>();
        front.pinned().forEach(story -> pinned.add(new Slot(String.valueOf(story.article().id()),
                orEmpty(story.frontHeadline()), false)));
        while (pinned.size() < ArrangeFront.MAX_PINNED) {
            pinned.add(new Slot("", "", false));
        }
        List<SectionRow> sections = new ArrayList<>();
        List<Section> ordered = front.sections();
        for (int i = 0; i < ordered.size(); i++) {
            sections.add(new SectionRow(ordered.get(i).slug(), ordered.get(i).name(), String.valueOf(i + 1)));
        }
        return new FrontForm(top, pinned, sections);
    }

    /** The form as posted; lists of unequal length (a tampered form) are read as far as they go. */
    static FrontForm posted(String topId, String topHeadline, List<String> pinnedIds, List<String> pinnedHeadlines,
                            List<String> removed, List<String> sectionSlugs, List<String> sectionNames,
                            List<String> positions) {
        List<Slot> pinned = new ArrayList<>();
        for (int i = 0; i < pinnedIds.size(); i++) {
            pinned.add(new Slot(pinnedIds.get(i), at(pinnedHeadlines, i), removed.contains(String.valueOf(i))));
        }
        List<SectionRow> sections = new ArrayList<>();
        for (int i = 0; i < sectionSlugs.size(); i++) {
            sections.add(new SectionRow(sectionSlugs.get(i), at(sectionNames, i), at(positions, i)));
        }
        return new FrontForm(new Slot(orEmpty(topId), orEmpty(topHeadline), false), pinned, sections);
    }

    /**
     * What the form asks for: slots left empty or ticked for removal are dropped, sections sorted by the positions
     * typed (one left blank or unreadable keeps its place after those numbered).
     */
    FrontCommand command() {
        FrontCommand.Pick chosenTop = top.id().isBlank() ? null : pick(top);
        List<FrontCommand.Pick> picks = pinned.stream().filter(slot -> !slot.remove() && !slot.id().isBlank())
                .map(FrontForm::pick).toList();
        List<SectionRow> order = new ArrayList<>(sections);
        order.sort(Comparator.comparingInt(row -> position(row.position())));
        return new FrontCommand(chosenTop, picks, order.stream().map(SectionRow::slug).toList());
    }

    /** The stories the selects offer: the latest live ones, and those chosen now even if older. */
    static List<ArticleSummary> options(List<ArticleSummary> latest, LiveFront front) {
        List<ArticleSummary> options = new ArrayList<>(latest);
        List<LiveFront.Story> chosen = new ArrayList<>(front.pinned());
        if (front.top() != null) {
            chosen.add(0, front.top());
        }
        chosen.stream().map(LiveFront.Story::article)
                .filter(article -> options.stream().noneMatch(o -> o.id() == article.id())).forEach(options::add);
        return options;
    }

    private static FrontCommand.Pick pick(Slot slot) {
        Long id;
        try {
            id = Long.valueOf(slot.id().strip());
        } catch (NumberFormatException e) {
            id = -1L; // refused as an unknown story, beside its slot
        }
        return new FrontCommand.Pick(id, slot.headline());
    }

    private static int position(String typed) {
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
