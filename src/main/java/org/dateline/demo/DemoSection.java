package org.dateline.demo;

/** A section of the demo content, in one edition. */
public record DemoSection(String edition, String slug, String name, String description, int position) {
}
