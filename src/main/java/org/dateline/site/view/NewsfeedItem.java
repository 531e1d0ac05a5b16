package org.dateline.site.view;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the newsfeed panel; the same shape goes out as JSON and over the event stream.
 *
 * @param time      hours and minutes in the edition's zone, with the zone's name
 * @param thumb     the path of a small square JPEG of the story's lead picture, null when it has none
 * @param day       the day it was published on in the edition's zone (ISO date): items are grouped by it
 * @param dayLabel  that day as a date heading names it ("Sunday, 6 December")
 * @param dayHeading that day's heading as of rendering: "Today", "Yesterday" or the date
 */
public record NewsfeedItem(long id, String headline, String url, String published, String time, String cursor,
                           String thumb, String day, String dayLabel, String dayHeading) {

    /** One day of the panel: its heading and its items, newest first. */
    public record Day(String day, String label, String heading, List<NewsfeedItem> items) {
    }

    /** Consecutive items of the same day under one heading, in the order given. */
    public static List<Day> byDay(List<NewsfeedItem> items) {
        List<Day> days = new ArrayList<>();
        for (NewsfeedItem item : items) {
            if (days.isEmpty() || !days.get(days.size() - 1).day().equals(item.day())) {
                days.add(new Day(item.day(), item.dayLabel(), item.dayHeading(), new ArrayList<>()));
            }
            days.get(days.size() - 1).items().add(item);
        }
        return days;
    }
}
