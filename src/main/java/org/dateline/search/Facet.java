package org.dateline.search;

import java.util.List;

/**
 * Counts of the results by one dimension. The counts of a dimension ignore its own filter, so a reader who chose one
 * section still sees how many results the other sections hold.
 */
public record Facet(Dimension dimension, List<Value> values) {

    public Facet {
        values = List.copyOf(values);
    }

    public enum Dimension {
        SECTION("section"), AUTHOR("author"), TAG("tag"), RANGE("range");

        private final String parameter;

        Dimension(String parameter) {
            this.parameter = parameter;
        }

        /** The URL parameter that filters by it. */
        public String parameter() {
            return parameter;
        }
    }

    /**
     * @param value    what goes in the URL parameter (a slug, or a {@link DateRange#value()})
     * @param label    what the reader sees (a name; for ranges, the value, which the page translates)
     * @param selected whether the request filters by it
     */
    public record Value(String value, String label, long count, boolean selected) {
    }
}
