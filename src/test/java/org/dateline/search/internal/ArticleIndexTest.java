package org.dateline.search.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an index on disk says of itself at start: nothing, not ours, resumable from a position, or broken. */
class ArticleIndexTest {

    private static final String SCHEMA = SearchIndexer.SCHEMA;

    @TempDir
    Path folder;

    @Test
    void anEmptyFolderHoldsNoIndex() throws IOException {
        assertThat(ArticleIndex.inspect(FSDirectory.open(folder), SCHEMA)).isInstanceOf(ArticleIndex.Missing.class);
    }

    @Test
    void anIndexNeverCommittedWithAPositionIsMissing() throws IOException {
        try (ArticleIndex index = ArticleIndex.create(FSDirectory.open(folder), SCHEMA)) {
            index.put(1, ArticleDocument.of(TestIndex.article(1, "en", "Budget", "Text.", TestIndex.NOW)));
        } // closed without a commit: a build that stopped half-way
        assertThat(ArticleIndex.inspect(FSDirectory.open(folder), SCHEMA)).isInstanceOf(ArticleIndex.Missing.class);
    }

    @Test
    void aCommittedIndexResumesFromItsPositionWithItsArticles() throws IOException {
        try (ArticleIndex index = ArticleIndex.create(FSDirectory.open(folder), SCHEMA)) {
            index.put(1, ArticleDocument.of(TestIndex.article(1, "en", "Budget", "Text.", TestIndex.NOW)));
            index.commit(41);
            index.put(2, ArticleDocument.of(TestIndex.article(2, "en", "Budget again", "Text.", TestIndex.NOW)));
        } // the second article was never committed
        ArticleIndex.Found found = ArticleIndex.inspect(FSDirectory.open(folder), SCHEMA);
        assertThat(found).isEqualTo(new ArticleIndex.Usable(41));
        try (ArticleIndex index = ArticleIndex.open(FSDirectory.open(folder), SCHEMA, 41)) {
            assertThat(index.committedPosition()).isEqualTo(41);
            int documents = index.search(view -> view.getIndexReader().numDocs());
            assertThat(documents).isEqualTo(1);
        }
    }

    @Test
    void anIndexOfAnotherSchemaIsOutdated() throws IOException {
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(folder), new IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of("schema", "0", "position", "7").entrySet());
            writer.commit();
        }
        assertThat(ArticleIndex.inspect(FSDirectory.open(folder), SCHEMA)).isInstanceOf(ArticleIndex.Outdated.class);
    }

    @Test
    void theArticleIndexAndTheStoryIndexReadNoIndexOfTheOther() throws IOException {
        commitOneArticle(5);
        assertThat(ArticleIndex.inspect(FSDirectory.open(folder), StoryIndexer.SCHEMA))
                .isInstanceOf(ArticleIndex.Outdated.class);
    }

    @Test
    void aDamagedIndexIsNoticedAtOpen() throws IOException {
        commitOneArticle(3);
        damage(folder);
        assertThatThrownBy(() -> {
            ArticleIndex.Found found = ArticleIndex.inspect(FSDirectory.open(folder), SCHEMA);
            ArticleIndex.open(FSDirectory.open(folder), SCHEMA, ((ArticleIndex.Usable) found).position()).close();
        }).isInstanceOf(IOException.class);
    }

    private void commitOneArticle(long position) throws IOException {
        try (ArticleIndex index = ArticleIndex.create(FSDirectory.open(folder), SCHEMA)) {
            index.put(1, ArticleDocument.of(TestIndex.article(1, "en", "Budget", "Text.", TestIndex.NOW)));
            index.commit(position);
        }
    }

    /** Flips bytes in the middle of every file but the lock, as a failing disk or a half-copied folder would. */
    static void damage(Path folder) throws IOException {
        List<Path> files;
        try (var listing = Files.list(folder)) {
            files = listing.filter(f -> !f.getFileName().toString().endsWith(".lock")).toList();
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (int i = bytes.length / 3; i < Math.min(bytes.length, bytes.length / 3 + 16); i++) {
                bytes[i] = (byte) ~bytes[i];
            }
            Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        }
    }
}
