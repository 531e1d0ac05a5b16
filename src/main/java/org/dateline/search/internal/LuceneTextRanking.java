package org.dateline.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.search.TextRanking;
import org.springframework.stereotype.Component;

/**
 * {@link TextRanking} by a throw-away Lucene index in memory: the candidates' text becomes documents exactly as in the
 * article and story indexes ({@link ArticleDocument#withText}), and the query is the readers' ({@link TextQuery})
 * over the languages the candidates are in.
 */
@Component
class LuceneTextRanking implements TextRanking {

    private final Editions editions;

    LuceneTextRanking(Editions editions) {
        this.editions = editions;
    }

    @Override
    public List<Long> rank(String query, List<Candidate> candidates, int limit) {
        if (candidates.size() > MAX_CANDIDATES) {
            throw new IllegalArgumentException("At most " + MAX_CANDIDATES + " candidates, not " + candidates.size());
        }
        ReaderQuery reader = ReaderQuery.parse(query);
        if (reader.isEmpty() || candidates.isEmpty() || limit <= 0) {
            return List.of();
        }
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            Set<Language> languages = EnumSet.noneOf(Language.class);
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(IndexAnalyzer.INSTANCE))) {
                for (Candidate candidate : candidates) {
                    Language language = languageOf(candidate.edition());
                    languages.add(language);
                    writer.addDocument(ArticleDocument.withText(candidate.id(), language, nz(candidate.headline()),
                            nz(candidate.text())));
                }
            }
            Query any = TextQuery.anyOf(reader, languages);
            if (any == null) {
                return List.of();
            }
            try (DirectoryReader index = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(index);
                List<Long> ids = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(any, limit).scoreDocs) {
                    var leaf = index.leaves().get(ReaderUtil.subIndex(hit.doc, index.leaves()));
                    NumericDocValues values = leaf.reader().getNumericDocValues(Fields.ID_VALUE);
                    values.advanceExact(hit.doc - leaf.docBase);
                    ids.add(values.longValue());
                }
                return ids;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory does not fail like a disk
        }
    }

    private Language languageOf(String edition) {
        return editions.find(edition).map(Edition::locale).map(Language::of).orElse(Language.OTHER);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
