package org.dateline.site.view;

/**
 * One line of the newsfeed panel; the same shape goes out as JSON and over the event stream.
 *
 * @param thumb the path of a small square JPEG of the story's lead picture, null when it has none
 */
public record NewsfeedItem(long id, String headline, String url, String published, String time, String cursor,
                           String thumb) {
}
