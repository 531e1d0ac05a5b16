package org.dateline.site.view;

/** One line of the newsfeed panel; the same shape goes out as JSON and over the event stream. */
public record NewsfeedItem(long id, String headline, String url, String published, String time, String cursor) {
}
