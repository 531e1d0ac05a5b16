package org.dateline.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.dateline.content.Body;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed story and the demo corpus, now stored as markup, render exactly as their plain paragraphs did. */
class DemoBodiesTest {

    @Test
    void seedAndDemoBodiesRenderAsTheirPlainParagraphsDid() {
        List<DemoArticle> articles = new ArrayList<>(List.of(SeedStory.english(), SeedStory.russian()));
        articles.addAll(DemoCorpus.articles(200, 7, Instant.parse("2026-11-01T00:00:00Z")));
        for (DemoArticle article : articles) {
            String dateline = article.datelinePlace() + " (" + article.credit() + ")";
            StringBuilder before = new StringBuilder();
            for (int i = 0; i < article.paragraphs().size(); i++) {
                String escaped = escape(article.paragraphs().get(i));
                before.append(i == 0 ? "<p><span class=\"dateline\">" + escape(dateline) + "</span> - " + escaped
                        : "<p>" + escaped).append("</p>\n");
            }
            Body stored = Body.ofBlocks(Body.plain(article.paragraphs()).blocks());
            assertThat(stored.toHtml(dateline)).as(article.headline()).isEqualTo(before.toString().strip());
            assertThat(stored.plainParagraphs()).isEqualTo(article.paragraphs());
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;")
                .replace("'", "&#39;");
    }
}
