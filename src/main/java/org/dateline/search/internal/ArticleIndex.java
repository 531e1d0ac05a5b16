package org.dateline.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

/**
 * One Lucene index of articles on one directory (the live ones of the readers' search, or the newsroom's stories in
 * every state): a writer, near-real-time searchers, and the change-log position its last commit reflects (kept in the
 * commit's user data with the schema, so the index says itself how far it got and whether this code can read it).
 * Documents are put and removed by id ({@link Fields#ID}).
 * <p>
 * Thread-safe: writes come from the change-log tailer and the rebuild, searches from request threads.
 */
final class ArticleIndex implements Closeable {

    private static final String SCHEMA_KEY = "schema";
    private static final String POSITION_KEY = "position";

    private final Directory directory;
    private final String schema;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile long committedPosition;

    private ArticleIndex(Directory directory, String schema, IndexWriterConfig.OpenMode mode, long committedPosition)
            throws IOException {
        this.directory = directory;
        this.schema = schema;
        IndexWriterConfig config = new IndexWriterConfig(IndexAnalyzer.INSTANCE).setOpenMode(mode)
                .setCommitOnClose(false); // only a commit with a position is a state to resume from
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new View(reader);
            }
        });
        this.committedPosition = committedPosition;
    }

    /**
     * The schema an index of this fields' version is written in: the version, raised when its fields change, and a
     * fingerprint of the analysis, so that a change to a stemmer or a filter (or a Lucene upgrade that changes one)
     * makes the index on disk outdated by itself, without anyone remembering to raise a number.
     */
    static String schema(int fieldsVersion) {
        return fieldsVersion + "-" + Language.fingerprint();
    }

    /** A new, empty index over whatever the directory held. */
    static ArticleIndex create(Directory directory, String schema) throws IOException {
        return new ArticleIndex(directory, schema, IndexWriterConfig.OpenMode.CREATE, -1);
    }

    /** What a directory holds, read from its last commit without opening a writer. */
    sealed interface Found {
    }

    /** No commit at all. */
    record Missing() implements Found {
    }

    /** A commit this code cannot use: another schema, or none that a finished build wrote. */
    record Outdated(String reason) implements Found {
    }

    /** A commit to resume from: everything up to {@code position} of the change log is in it. */
    record Usable(long position) implements Found {
    }

    /**
     * Reads the last commit's user data. A broken index throws ({@code CorruptIndexException}, {@code
     * IndexFormatTooOldException} or another {@link IOException}); the caller rebuilds.
     */
    static Found inspect(Directory directory, String schema) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return new Missing();
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
        String written = data.get(SCHEMA_KEY);
        if (!schema.equals(written)) {
            return new Outdated("schema " + written + ", this version reads " + schema);
        }
        String position = data.get(POSITION_KEY);
        if (position == null) {
            return new Outdated("no change-log position");
        }
        return new Usable(Long.parseLong(position));
    }

    /**
     * Opens the index for writing and searching. Opening reads every segment's metadata and checksums its commit,
     * so damage found there throws here too.
     */
    static ArticleIndex open(Directory directory, String schema, long position) throws IOException {
        ArticleIndex index = new ArticleIndex(directory, schema, IndexWriterConfig.OpenMode.APPEND, position);
        try (DirectoryReader check = DirectoryReader.open(index.writer)) {
            check.numDocs(); // opening the reader read every segment's fields and checksummed its small files
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
        return index;
    }

    /** Puts the document in place of the one with this id, if any. */
    void put(long id, Iterable<? extends IndexableField> document) throws IOException {
        writer.updateDocument(idTerm(id), document);
    }

    void remove(long articleId) throws IOException {
        writer.deleteDocuments(idTerm(articleId));
    }

    static Term idTerm(long articleId) {
        return new Term(Fields.ID, Long.toString(articleId));
    }

    /** Makes what was written durable, recording that it reflects the change log up to {@code position}. */
    void commit(long position) throws IOException {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, schema,
                POSITION_KEY, Long.toString(position)).entrySet());
        writer.commit();
        committedPosition = position;
    }

    long committedPosition() {
        return committedPosition;
    }

    /** Makes what was written so far searchable (near-real-time: no commit needed). */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    <T> T search(SearchWork<T> work) throws IOException {
        View view = (View) searchers.acquire();
        try {
            return work.on(view);
        } finally {
            searchers.release(view);
        }
    }

    interface SearchWork<T> {
        T on(View view) throws IOException;
    }

    Directory directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            writer.rollback(); // drops what was not committed and closes; the next start resumes from the commit
        }
    }

    /**
     * A searcher over one point-in-time reader, with that reader's facet ordinals made on first use, and the answers
     * of related-story searches made on it: the same reader gives the same answer, and a change to the index makes
     * a new view, so an answer kept here is never older than the index.
     */
    static final class View extends IndexSearcher {

        /** Enough for every story of a large site's readers in the life of one view; beyond it, searched each time. */
        private static final int RELATED_KEPT = 50_000;

        private SortedSetDocValuesReaderState facets;
        private boolean facetsRead;
        private final Map<Object, List<Long>> related = new ConcurrentHashMap<>();

        View(IndexReader reader) {
            super(reader);
        }

        /** The id of the article a document of this view holds. */
        long articleId(int doc) throws IOException {
            List<LeafReaderContext> leaves = getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            NumericDocValues ids = leaf.reader().getNumericDocValues(Fields.ID_VALUE);
            if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("document " + doc + " has no article id");
            }
            return ids.longValue();
        }

        /** The related-story ids asked with this key on this view, searched on first use. */
        List<Long> related(Object key, SearchWork<List<Long>> search) throws IOException {
            List<Long> kept = related.get(key);
            if (kept != null) {
                return kept;
            }
            List<Long> found = List.copyOf(search.on(this));
            if (related.size() < RELATED_KEPT) {
                related.put(key, found);
            }
            return found;
        }

        /** Null while no document has a facet (an empty index). */
        synchronized SortedSetDocValuesReaderState facets() throws IOException {
            if (!facetsRead) {
                try {
                    facets = new DefaultSortedSetDocValuesReaderState(getIndexReader(), FacetLabels.CONFIG);
                } catch (IllegalArgumentException noFacetsYet) {
                    facets = null;
                }
                facetsRead = true;
            }
            return facets;
        }
    }
}
