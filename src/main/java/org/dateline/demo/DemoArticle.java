package org.dateline.demo;

import java.time.Instant;
import java.util.List;

/** One demo story in one edition; the same story in the other edition shares its translation key. */
public record DemoArticle(String edition, String sectionSlug, String slug, String headline, String lead,
                          List<String> paragraphs, String datelinePlace, String credit, List<String> tags,
                          List<String> authors, Instant publishedAt, String translationKey) {
}
