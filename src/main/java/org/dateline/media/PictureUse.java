package org.dateline.media;

/** A story that shows a picture: its id, headline and state ({@code LIVE}, {@code DRAFT} …). */
public record PictureUse(long articleId, String headline, String state) {
}
