package org.dateline.search.internal;

/**
 * The index's field names, in one place: what {@link ArticleDocument} writes and the queries read. Text fields carry
 * the language as a suffix ({@code headline.ru}), so each is analysed the way its language needs
 * ({@link IndexAnalyzer}) and one index holds every edition.
 */
final class Fields {

    /** The article id as a term, for updates and deletes by id. */
    static final String ID = "id";
    /** The article id as a number: the last tie-break of every sort, and how a hit names its article. */
    static final String ID_VALUE = "id_value";
    static final String EDITION = "edition";
    /** Section slug: filter and facet. */
    static final String SECTION = "section";
    /** Author slugs: filter. The facet holds slug and name ({@link FacetLabels}). */
    static final String AUTHOR = "author";
    /** Tag slugs: filter and facet like {@link #AUTHOR}. */
    static final String TAG = "tag";
    /** First publication, epoch milliseconds: range filter (points), sort and date facet (doc values). */
    static final String PUBLISHED = "published";

    /** The story index's status of a story ({@code DRAFT}, {@code LIVE}, ...): filter. */
    static final String STATE = "state";
    /** The story index's desk ({@code newsroom}, {@code incoming}): filter. */
    static final String DESK = "desk";
    /** The story index's creator, an account id: filter. */
    static final String CREATED_BY = "created_by";
    /** The story index's author names, lower-cased and whole: filter by a part of one. */
    static final String AUTHOR_NAME = "author_name";
    /** The story index's last change, epoch milliseconds: the tie-break of equal matches (doc values). */
    static final String UPDATED = "updated";

    private static final String HEADLINE = "headline.";
    private static final String BODY = "body.";
    private static final String WORDS = "words.";

    private Fields() {
    }

    /** The headline, stemmed and stored (with offsets) for highlighting. */
    static String headline(Language language) {
        return HEADLINE + language.code();
    }

    /** The lead and the body's text, stemmed and stored (with offsets) for snippets. */
    static String body(Language language) {
        return BODY + language.code();
    }

    /** Headline, lead and body as written (lower-cased): prefixes of the word being typed, and spelling. */
    static String words(Language language) {
        return WORDS + language.code();
    }

    /** The language a text field belongs to, from its suffix. */
    static Language languageOf(String field) {
        String suffix = field.substring(field.lastIndexOf('.') + 1);
        for (Language language : Language.values()) {
            if (language.code().equals(suffix)) {
                return language;
            }
        }
        return Language.OTHER;
    }

    static boolean isWords(String field) {
        return field.startsWith(WORDS);
    }
}
