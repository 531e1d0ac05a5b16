package org.dateline.newsroom;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dateline.content.Article;
import org.dateline.content.Body;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.media.Picture;
import org.dateline.media.PictureQueries;
import org.dateline.shared.Slug;
import org.springframework.stereotype.Component;

/**
 * The rules every story's fields meet, whoever sends it: each problem named with its field and a stable code. A
 * story about to be public also shows only pictures that are in the library and described for readers who cannot
 * see them (alt text); a draft may wait for both.
 */
@Component
class StoryValidation {

    /** The codes of the picture rules, which a draft does not have to meet yet. */
    static final Set<String> PICTURE_CODES = Set.of("picture_not_found", "picture_alt_missing");

    static final int MAX_HEADLINE = 300;
    static final int MAX_LEAD = 2000;
    static final int MAX_PARAGRAPHS = 300;
    static final int MAX_BODY = 200_000;
    static final int MAX_SHORT = 120;
    static final int MAX_TAGS = 20;
    static final int MAX_AUTHORS = 10;

    private final Editions editions;
    private final ContentQueries content;
    private final PictureQueries pictures;

    StoryValidation(Editions editions, ContentQueries content, PictureQueries pictures) {
        this.editions = editions;
        this.content = content;
        this.pictures = pictures;
    }

    Optional<Section> validate(PublishCommand command, List<String> paragraphs, List<FieldProblem> problems) {
        boolean editionKnown = false;
        if (blank(command.edition())) {
            problems.add(new FieldProblem("edition", "required", "Name the edition, e.g. \"en\"."));
        } else if (editions.find(command.edition()).isEmpty()) {
            problems.add(new FieldProblem("edition", "unknown_edition", "No edition \"" + command.edition() + "\"."));
        } else {
            editionKnown = true;
        }
        Optional<Section> section = Optional.empty();
        if (blank(command.section())) {
            problems.add(new FieldProblem("section", "required", "Name the section by its slug, e.g. \"russia\"."));
        } else if (editionKnown) {
            section = editions.section(command.edition(), command.section());
            if (section.isEmpty()) {
                problems.add(new FieldProblem("section", "unknown_section",
                        "Edition \"" + command.edition() + "\" has no section \"" + command.section() + "\"."));
            }
        }
        text("headline", command.headline(), MAX_HEADLINE, problems);
        text("lead", command.lead(), MAX_LEAD, problems);
        text("datelinePlace", command.datelinePlace(), MAX_SHORT, problems);
        text("credit", command.credit(), MAX_SHORT, problems);
        if (paragraphs.isEmpty()) {
            problems.add(new FieldProblem("body", "required", "The body needs at least one paragraph."));
        } else if (paragraphs.size() > MAX_PARAGRAPHS) {
            problems.add(new FieldProblem("body", "too_many", "At most " + MAX_PARAGRAPHS + " paragraphs (blocks between blank lines)."));
        } else if (paragraphs.stream().mapToInt(String::length).sum() > MAX_BODY) {
            problems.add(new FieldProblem("body", "too_long", "The body may hold at most " + MAX_BODY + " characters."));
        } else if (paragraphs.stream().anyMatch(StoryValidation::hasControlCharacters)) {
            problems.add(new FieldProblem("body", "invalid_characters", "The body holds control characters."));
        }
        list("tags", command.tags(), MAX_TAGS, problems);
        list("authors", command.authors(), MAX_AUTHORS, problems);
        if (command.slug() != null && !Slug.isValid(command.slug())) {
            problems.add(new FieldProblem("slug", "invalid_slug",
                    "A slug is lowercase letters, digits and single hyphens, at most " + Slug.MAX_LENGTH + " long."));
        }
        if (command.translationOf() != null) {
            Optional<Article> original = content.article(command.translationOf());
            if (original.isEmpty()) {
                problems.add(new FieldProblem("translationOf", "unknown_article",
                        "No article " + command.translationOf() + "."));
            } else if (original.get().edition().equals(command.edition())) {
                problems.add(new FieldProblem("translationOf", "same_edition",
                        "A translation links stories of different editions."));
            }
        }
        pictures(command, paragraphs, problems);
        return section;
    }

    /**
     * The lead picture and every figure of the body: in the library and not withdrawn, and with alt text, each
     * problem naming its picture.
     */
    private void pictures(PublishCommand command, List<String> paragraphs, List<FieldProblem> problems) {
        Set<Long> figures = new LinkedHashSet<>(Body.ofBlocks(paragraphs).pictureIds());
        Set<Long> ids = new LinkedHashSet<>(figures);
        if (command.leadPicture() != null) {
            ids.add(command.leadPicture());
        }
        if (ids.isEmpty()) {
            return;
        }
        Map<Long, Picture> found = pictures.findAll(ids);
        if (command.leadPicture() != null) {
            picture("leadPicture", command.leadPicture(), found, problems);
        }
        for (long id : figures) {
            picture("body", id, found, problems);
        }
    }

    private static void picture(String field, long id, Map<Long, Picture> found, List<FieldProblem> problems) {
        Picture picture = found.get(id);
        if (picture == null || !picture.usable()) {
            problems.add(new FieldProblem(field, "picture_not_found",
                    "Picture " + id + " is not in the library" + (picture == null ? "." : " any more (withdrawn).")));
        } else if (picture.altText().isBlank()) {
            problems.add(new FieldProblem(field, "picture_alt_missing", "Picture " + id
                    + " has no alt text: describe it for readers who cannot see it before the story goes public."));
        }
    }

    /** What stops the story's fields from being published (checked before every publication and schedule). */
    List<FieldProblem> unpublishable(PublishCommand fields) {
        List<FieldProblem> problems = new ArrayList<>();
        validate(fields, blocks(fields.body()), problems);
        return problems;
    }

    /**
     * The rules for a draft: it needs an edition, a section and a headline; whatever else it has already meets the
     * rules of a published story, and the rest may come later, as may its pictures' place in the library and alt
     * text (a wire picture withdrawn meanwhile must not stop an autosave).
     */
    Optional<Section> validateDraft(PublishCommand command, List<String> paragraphs, List<FieldProblem> problems) {
        List<FieldProblem> all = new ArrayList<>();
        Optional<Section> section = validate(command, paragraphs, all);
        all.stream().filter(p -> !"required".equals(p.code()) || Set.of("edition", "section", "headline")
                .contains(p.field())).filter(p -> !PICTURE_CODES.contains(p.code())).forEach(problems::add);
        return section;
    }

    private static void text(String field, String value, int max, List<FieldProblem> problems) {
        if (blank(value)) {
            problems.add(new FieldProblem(field, "required", "The " + field + " is required."));
        } else if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "too_long", "The " + field + " may be at most " + max + " characters."));
        } else if (hasControlCharacters(value) || value.contains("\n")) {
            problems.add(new FieldProblem(field, "invalid_characters", "The " + field + " must be one line of text."));
        }
    }

    private static void list(String field, List<String> values, int max, List<FieldProblem> problems) {
        if (values == null) {
            return;
        }
        if (values.size() > max) {
            problems.add(new FieldProblem(field, "too_many", "At most " + max + " " + field + "."));
        } else if (values.stream().anyMatch(v -> blank(v) || v.strip().length() > MAX_SHORT || hasControlCharacters(v)
                || v.codePoints().noneMatch(Character::isLetterOrDigit))) {
            problems.add(new FieldProblem(field, "invalid_value",
                    "Each of the " + field + " is a name of 1 to " + MAX_SHORT + " characters with a letter or digit."));
        }
    }

    /**
     * The body's markup in blocks: split at blank lines, trailing spaces and empty blocks dropped; the lines of one
     * block stay apart (a list or a quote spans several).
     */
    static List<String> blocks(List<String> body) {
        List<String> blocks = new ArrayList<>();
        if (body == null) {
            return blocks;
        }
        for (String part : body) {
            if (part != null) {
                blocks.addAll(Body.of(part).blocks());
            }
        }
        return blocks;
    }

    static List<String> distinct(List<String> names) {
        return names == null ? List.of() : names.stream().map(String::strip).distinct().toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f
                || Character.isSurrogate((char) c) && !validSurrogates(value));
    }

    private static boolean validSurrogates(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
