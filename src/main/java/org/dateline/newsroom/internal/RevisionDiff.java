package org.dateline.newsroom.internal;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import org.dateline.newsroom.PublishCommand;
import org.springframework.web.util.HtmlUtils;

/**
 * Two revisions side by side, field by field; the body paragraph by paragraph with the changed words marked. The
 * text is escaped before the marks go in, so a revision's text can never become markup in the newsroom.
 */
public final class RevisionDiff {

    /** One line of the comparison: both sides as escaped HTML with {@code <del>}/{@code <ins>} marks. */
    public record Row(String label, String older, String newer, boolean changed) {
    }

    private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .inlineDiffByWord(true)
            .lineNormalizer(HtmlUtils::htmlEscape)
            .oldTag(start -> start ? "<del>" : "</del>")
            .newTag(start -> start ? "<ins>" : "</ins>")
            .build();

    private RevisionDiff() {
    }

    static List<Row> rows(PublishCommand older, PublishCommand newer) {
        List<Row> rows = new ArrayList<>();
        field(rows, "Section", older.section(), newer.section());
        field(rows, "Headline", older.headline(), newer.headline());
        field(rows, "Lead", older.lead(), newer.lead());
        field(rows, "Dateline place", older.datelinePlace(), newer.datelinePlace());
        field(rows, "Dateline date", text(older.datelineDate()), text(newer.datelineDate()));
        field(rows, "Credit", older.credit(), newer.credit());
        field(rows, "Tags", String.join(", ", older.tags()), String.join(", ", newer.tags()));
        field(rows, "Authors", String.join(", ", older.authors()), String.join(", ", newer.authors()));
        field(rows, "Slug", text(older.slug()), text(newer.slug()));
        List<DiffRow> body = GENERATOR.generateDiffRows(older.body(), newer.body());
        for (int i = 0; i < body.size(); i++) {
            DiffRow row = body.get(i);
            rows.add(new Row(i == 0 ? "Body" : "", row.getOldLine(), row.getNewLine(),
                    row.getTag() != DiffRow.Tag.EQUAL));
        }
        return rows;
    }

    private static void field(List<Row> rows, String label, String older, String newer) {
        List<DiffRow> diff = GENERATOR.generateDiffRows(List.of(text(older)), List.of(text(newer)));
        DiffRow row = diff.get(0);
        rows.add(new Row(label, row.getOldLine(), row.getNewLine(), row.getTag() != DiffRow.Tag.EQUAL));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
