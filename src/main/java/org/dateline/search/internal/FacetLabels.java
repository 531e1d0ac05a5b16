package org.dateline.search.internal;

import org.apache.lucene.facet.FacetsConfig;

/**
 * Facet values as the index holds them. Authors and tags carry their name beside their slug, so counting them needs
 * no lookup per value; sections are few and named by the edition's own list.
 */
final class FacetLabels {

    static final FacetsConfig CONFIG = new FacetsConfig();
    /** Cannot occur in a slug or a name (names are text a person typed, control characters taken out). */
    private static final char SEPARATOR = '\u001f';

    static {
        CONFIG.setMultiValued(Fields.AUTHOR, true);
        CONFIG.setMultiValued(Fields.TAG, true);
    }

    private FacetLabels() {
    }

    static String encode(IndexedArticle.Label label) {
        return label.slug() + SEPARATOR + label.name().replace(SEPARATOR, ' ');
    }

    static IndexedArticle.Label decode(String value) {
        int at = value.indexOf(SEPARATOR);
        return at < 0 ? new IndexedArticle.Label(value, value)
                : new IndexedArticle.Label(value.substring(0, at), value.substring(at + 1));
    }
}
