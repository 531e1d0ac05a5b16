/**
 * Editions (language sites), their sections, tags and authors.
 * <p>
 * API: {@link org.dateline.editions.Editions} (reads and the few writes content needs), value records
 * {@link org.dateline.editions.Edition}, {@link org.dateline.editions.Section}, {@link org.dateline.editions.Tag},
 * {@link org.dateline.editions.Author}. Publishes no events yet: sections and editions change through migrations and
 * the demo loader until the newsroom manages them.
 */
package org.dateline.editions;
