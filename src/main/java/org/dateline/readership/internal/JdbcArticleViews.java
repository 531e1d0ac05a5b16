package org.dateline.readership.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The view marks (one per viewer, article and day), the totals per article and the views per article and hour. */
@Repository
public class JdbcArticleViews {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    JdbcArticleViews(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** @return true when this is the viewer's first view of the article that day (a new mark) */
    public boolean mark(long articleId, String viewer, LocalDate day) {
        return jdbc.sql("""
                INSERT INTO article_view_marks (article_id, viewer, view_day) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
                """).params(articleId, viewer, Date.valueOf(day)).update() == 1;
    }

    /**
     * One more view. The first view of an article makes its row; two first views at once both count (the second
     * insert does nothing and waits for the first to commit, then both add their one).
     */
    public void addOne(long articleId) {
        if (jdbc.sql("UPDATE article_views SET views = views + 1 WHERE article_id = ?").param(articleId).update() == 0) {
            jdbc.sql("INSERT INTO article_views (article_id, views) VALUES (?, 0) ON CONFLICT DO NOTHING")
                    .param(articleId).update();
            jdbc.sql("UPDATE article_views SET views = views + 1 WHERE article_id = ?").param(articleId).update();
        }
    }

    /**
     * Adds views to their article's hour (whole hours since the epoch, UTC), each row made when missing. The caller
     * orders them by article and hour.
     */
    void addToHours(List<Map.Entry<HourlyViews.Hour, Integer>> counted) {
        int[] updated = batches.batchUpdate(
                "UPDATE article_view_hours SET views = views + ? WHERE article_id = ? AND view_hour = ?",
                rows(counted, entry -> new Object[] {entry.getValue(), entry.getKey().articleId(),
                        entry.getKey().hour()}));
        List<Map.Entry<HourlyViews.Hour, Integer>> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(counted.get(i));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        int[] inserted = batches.batchUpdate(
                "INSERT INTO article_view_hours (article_id, view_hour, views) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                rows(missing, entry -> new Object[] {entry.getKey().articleId(), entry.getKey().hour(),
                        entry.getValue()}));
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] == 0) { // another node made the row meanwhile
                Map.Entry<HourlyViews.Hour, Integer> entry = missing.get(i);
                jdbc.sql("UPDATE article_view_hours SET views = views + ? WHERE article_id = ? AND view_hour = ?")
                        .params(entry.getValue(), entry.getKey().articleId(), entry.getKey().hour()).update();
            }
        }
    }

    private static <T> List<Object[]> rows(List<T> items, Function<T, Object[]> row) {
        return items.stream().map(row).toList();
    }

    public long total(long articleId) {
        return jdbc.sql("SELECT views FROM article_views WHERE article_id = ?").param(articleId).query(Long.class)
                .optional().orElse(0L);
    }

    /** Deletes marks and salts of days before {@code keepFrom}; the totals stay. @return marks deleted */
    public int forgetBefore(LocalDate keepFrom) {
        jdbc.sql("DELETE FROM article_view_salts WHERE view_day < ?").param(Date.valueOf(keepFrom)).update();
        return jdbc.sql("DELETE FROM article_view_marks WHERE view_day < ?").param(Date.valueOf(keepFrom)).update();
    }

    /** Deletes the views per hour of hours before {@code keepFrom}. @return rows deleted */
    public int forgetHoursBefore(long keepFrom) {
        return jdbc.sql("DELETE FROM article_view_hours WHERE view_hour < ?").param(keepFrom).update();
    }

    /** The day's salt, made by whichever node asks first. */
    String salt(LocalDate day, String fresh) {
        jdbc.sql("INSERT INTO article_view_salts (view_day, salt) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(Date.valueOf(day), fresh).update();
        return jdbc.sql("SELECT salt FROM article_view_salts WHERE view_day = ?").param(Date.valueOf(day))
                .query(String.class).single();
    }
}
