package org.clearinghouse.indexer;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;

/**
 * The search index of the catalogue: one long-lived instance per index directory, safe for concurrent use.
 * The database is the system of record; the index follows its change sequence, which each commit records.
 */
public final class IndexService implements Closeable {
    private static final String SCHEMA_KEY = "schema";
    private static final String THESAURUS_KEY = "thesaurus";
    private static final String SEQUENCE_KEY = "sequence";
    /** Indexing buffer for changes: 64 MB, or an eighth of a small heap, so a server with little memory still works. */
    private static final double RAM_BUFFER_MB = Math.max(8, Math.min(64, Runtime.getRuntime().maxMemory() / 8.0 / (1 << 20)));
    /**
     * Indexing buffer of a full rebuild: up to 256 MB, a fifth of the heap. Each flush writes the terms
     * dictionary of its segment, and merges write them again: with 64 MB, 100,000 records made a dozen segments
     * and flushing took a fifth of the rebuild's CPU time.
     */
    private static final double BULK_RAM_BUFFER_MB = Math.max(RAM_BUFFER_MB, Math.min(256, Runtime.getRuntime().maxMemory() / 5.0 / (1 << 20)));

    private final FSDirectory directory;
    private final Thesaurus thesaurus;
    private final Analyzers analyzers = new Analyzers();
    private final FacetsConfig facetsConfig = facetsConfig();
    private final ConceptIndex concepts;
    private final SearcherFactory searcherFactory;
    private final Searching searching;
    private final Related related;
    private final Suggestions suggestions;
    /** Runs the suggester's full builds, which only a missing or outdated suggester needs. */
    private final ExecutorService background;
    private final Object writeLock = new Object();

    /**
     * Applied changes are searchable at once (near-real-time from the writer) but committed, with the sequence
     * they bring the index to, only this long after the first uncommitted one or once this many documents are
     * pending: a commit (fsync of new segment files) per change made publishing slow under load. After a crash
     * the index reopens at its last commit and the catch-up replays the changes since its sequence.
     */
    static final long COMMIT_INTERVAL_MILLIS = 5_000;
    static final int COMMIT_AFTER_DOCUMENTS = 1_000;
    private final ScheduledExecutorService committer;
    private boolean commitScheduled;
    private int uncommittedDocuments;
    private long committedSequence;

    private volatile Generation generation;
    private volatile boolean needsRebuild;
    private volatile long sequence;
    private volatile boolean closed;

    private IndexService(FSDirectory directory, Thesaurus thesaurus) throws IOException {
        this.directory = directory;
        this.thesaurus = thesaurus;
        this.concepts = new ConceptIndex(thesaurus, analyzers);
        this.searcherFactory = FacetedSearcher.factory(facetsConfig);
        TextQueries queries = new TextQueries(analyzers);
        HitReader hits = new HitReader(new Highlights(analyzers, concepts));
        this.searching = new Searching(new QueryPlanner(analyzers, concepts), queries, hits, new Spelling(analyzers));
        this.related = new Related(analyzers, facetsConfig, hits);
        this.suggestions = new Suggestions(directory.getDirectory(), analyzers, thesaurus);
        this.background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "clearinghouse-suggester");
            t.setDaemon(true);
            return t;
        });
        this.committer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clearinghouse-index-commit");
            t.setDaemon(true);
            return t;
        });
        openExisting();
    }

    /**
     * Opens (creating if needed) the index in a directory that belongs to it alone. A missing, unreadable or
     * outdated index is not an error here: {@link #needsRebuild()} then says so.
     */
    public static IndexService open(Path directory, Thesaurus thesaurus) throws IOException {
        Files.createDirectories(directory);
        FSDirectory fs = FSDirectory.open(directory);
        try {
            return new IndexService(fs, thesaurus);
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    /** True when the index is missing, corrupt, or built by another schema or thesaurus: call {@link #rebuild}. */
    public boolean needsRebuild() {
        return needsRebuild;
    }

    /** The change sequence up to which the index reflects the database (0 when it must be rebuilt). */
    public long lastAppliedSequence() {
        return needsRebuild ? 0 : sequence;
    }

    /**
     * Replaces the whole index with these documents, recording the highest change sequence among them.
     * Searches keep seeing the previous index until the new one is committed; if this fails, the previous
     * index stays as it was.
     */
    public void rebuild(Iterator<SearchDocument> documents) throws IOException {
        synchronized (writeLock) {
            ensureOpen();
            Generation old = generation;
            // Should the rebuild fail, the previous index stays, with its applied changes and their sequence.
            commitApplied();
            // The suggester follows the old index: outdated on disk from now on, built again below.
            suggestions.invalidate();
            old.stopWriting();
            IndexWriter writer = writer(OpenMode.CREATE);
            // Segments flushed by the bulk stay as separate files: packing each into a compound file copies it once more.
            writer.getConfig().setUseCompoundFile(false).setRAMBufferSizeMB(BULK_RAM_BUFFER_MB);
            long maxSequence;
            try {
                maxSequence = new BulkIndexer(analyzers, concepts, facetsConfig).index(writer, documents);
                writer.setLiveCommitData(commitData(maxSequence).entrySet());
                writer.commit();
                writer.getConfig().setUseCompoundFile(true).setRAMBufferSizeMB(RAM_BUFFER_MB);
            } catch (IOException | RuntimeException | Error e) {
                writer.rollback();
                generation = new Generation(writer(OpenMode.CREATE_OR_APPEND), searcherFactory);
                old.closeSearchers();
                buildSuggestions();
                throw e;
            }
            generation = new Generation(writer, searcherFactory);
            old.closeSearchers();
            sequence = maxSequence;
            committedSequence = maxSequence;
            uncommittedDocuments = 0;
            needsRebuild = false;
            buildSuggestions();
        }
    }

    /**
     * Applies changes in the database up to {@code upToSequence}: upserts replace records by id, then deletes
     * remove withdrawn ones (an id in both lists ends up deleted). Returns once the changes are searchable;
     * they are committed (made durable, with {@code upToSequence}) a little later, see {@link #COMMIT_INTERVAL_MILLIS}.
     *
     * @throws IllegalStateException if the index must be rebuilt first
     */
    public void apply(List<SearchDocument> upserts, List<String> deletes, long upToSequence) throws IOException {
        synchronized (writeLock) {
            ensureOpen();
            if (needsRebuild) {
                throw new IllegalStateException("the index must be rebuilt before changes can be applied");
            }
            IndexWriter writer = generation.writer;
            DocumentBuilder builder = new DocumentBuilder(analyzers, concepts, facetsConfig);
            long last = -1;
            Set<String> changed = new LinkedHashSet<>();
            for (SearchDocument doc : upserts) {
                last = writer.updateDocument(new Term(Schema.ID, doc.id()), builder.build(doc));
                changed.add(doc.id());
            }
            for (String id : deletes) {
                last = writer.deleteDocuments(new Term(Schema.ID, id));
                changed.add(id);
            }
            long applied = Math.max(sequence, upToSequence);
            if (last >= 0) {
                generation.refreshNow();
                // Autocomplete follows in the same step, from the refreshed searcher: a withdrawn title stops
                // being offered as soon as the record stops being found.
                withSearcher(searcher -> {
                    suggestions.sync(changed, searcher);
                    return null;
                });
            }
            // Only now: whoever sees this sequence (tests, feeds' ETags) must find the changes in search.
            sequence = applied;
            uncommittedDocuments += upserts.size() + deletes.size();
            if (uncommittedDocuments >= COMMIT_AFTER_DOCUMENTS) {
                commit();
            } else if (applied != committedSequence && !commitScheduled) {
                commitScheduled = true;
                committer.schedule(this::scheduledCommit, COMMIT_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Commits what has been applied, recording its sequence; a no-op when nothing changed since the last commit. */
    void commit() throws IOException {
        synchronized (writeLock) {
            ensureOpen();
            commitApplied();
        }
    }

    private void commitApplied() throws IOException {
        commitScheduled = false;
        if (needsRebuild || (sequence == committedSequence && !generation.writer.hasUncommittedChanges())) {
            return;
        }
        // The suggester first: should this commit then fail, the catch-up replays its changes into both.
        suggestions.commit(sequence);
        generation.writer.setLiveCommitData(commitData(sequence).entrySet());
        generation.writer.commit();
        committedSequence = sequence;
        uncommittedDocuments = 0;
    }

    private void scheduledCommit() {
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            try {
                commitApplied();
            } catch (IOException | RuntimeException e) {
                // Nothing is lost: the changes stay searchable, and the next apply schedules another commit;
                // after a crash the catch-up replays them from the last committed sequence.
                commitScheduled = false;
            }
        }
    }

    /**
     * @throws InvalidQueryException  if the query text is too long or too complex
     * @throws InvalidCursorException if the cursor is malformed or belongs to another sort order
     */
    public SearchResult search(SearchRequest request) {
        return withSearcher(searcher -> searching.search(searcher, request));
    }

    /** Titles (any language, the given language first) and thesaurus labels that complete the prefix. */
    public List<Suggestion> suggest(String prefix, String lang, int limit) {
        int capped = Math.max(0, Math.min(limit, 10));
        String language = Languages.normalize(lang);
        String chosen = language == null ? Languages.detect(prefix == null ? "" : prefix) : language;
        try {
            return suggestions.suggest(prefix, chosen, capped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records similar to the given one, never the record itself; empty if the id is not in the index. */
    public List<Hit> related(String id, int limit) {
        return related(id, null, limit);
    }

    /** As {@link #related(String, int)}, with titles in {@code lang} where translated. */
    public List<Hit> related(String id, String lang, int limit) {
        int capped = Math.max(1, Math.min(limit, SearchRequest.MAX_LIMIT));
        String language = Languages.normalize(lang);
        return withSearcher(searcher -> related.related(searcher, id, language, capped));
    }

    /**
     * Published records whose title and summary resemble this text, best first (at most {@code limit}, 1–20),
     * with MoreLikeThis's raw score: candidates for a likely-duplicate warning on a new submission.
     */
    public List<ScoredHit> similarTo(String title, String summary, int limit) {
        int capped = Math.max(1, Math.min(limit, 20));
        return withSearcher(searcher -> related.like(searcher, title, summary, capped));
    }

    @Override
    public void close() throws IOException {
        Exception commitFailure = null;
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            // Whatever was applied is committed before the writer closes, so a clean restart replays nothing.
            try {
                commitApplied();
            } catch (IOException | RuntimeException e) {
                commitFailure = e;
            }
            closed = true;
            committer.shutdownNow();
            background.shutdown();
        }
        // Without the lock: a full build of the suggester notices the close, stops, and leaves its work behind;
        // a later start builds it again.
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (writeLock) {
            try {
                generation.stopWriting();
                generation.closeSearchers();
            } finally {
                suggestions.close();
                analyzers.close();
                directory.close();
            }
        }
        if (commitFailure instanceof IOException io) {
            throw io;
        } else if (commitFailure != null) {
            throw (RuntimeException) commitFailure;
        }
    }

    /** Test hook: waits until a full build of the suggester (first start, rebuild) is done. */
    void awaitSuggestions() throws Exception {
        background.submit(() -> null).get();
    }

    private void openExisting() throws IOException {
        Map<String, String> data;
        OpenMode mode;
        try {
            data = SegmentInfos.readLatestCommit(directory).getUserData();
            DirectoryReader.open(directory).close();
            mode = OpenMode.APPEND;
        } catch (IndexNotFoundException e) {
            data = Map.of();
            mode = OpenMode.CREATE;
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
                 | EOFException | NoSuchFileException | FileNotFoundException e) {
            wipe();
            data = Map.of();
            mode = OpenMode.CREATE;
        }
        needsRebuild = !Schema.VERSION.equals(data.get(SCHEMA_KEY)) || !thesaurus.fingerprint().equals(data.get(THESAURUS_KEY));
        sequence = parseSequence(data.get(SEQUENCE_KEY));
        committedSequence = sequence;
        generation = new Generation(writer(mode), searcherFactory);
        // A suggester that has seen every committed change answers at once; the catch-up brings it the rest.
        if (!suggestions.open(needsRebuild ? -1 : committedSequence) && !needsRebuild) {
            buildSuggestions();
        }
    }

    /** Removes an unreadable index, after making sure no other writer holds the directory. */
    private void wipe() throws IOException {
        try (Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            lock.ensureValid();
            for (String file : directory.listAll()) {
                // The suggester's subdirectories are cleared by the rebuild that follows.
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME) && !Files.isDirectory(directory.getDirectory().resolve(file))) {
                    directory.deleteFile(file);
                }
            }
        }
    }

    private IndexWriter writer(OpenMode mode) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzers.perField());
        config.setOpenMode(mode);
        config.setRAMBufferSizeMB(RAM_BUFFER_MB);
        return new IndexWriter(directory, config);
    }

    private Map<String, String> commitData(long appliedSequence) {
        return Map.of(SCHEMA_KEY, Schema.VERSION, THESAURUS_KEY, thesaurus.fingerprint(), SEQUENCE_KEY, Long.toString(appliedSequence));
    }

    private static long parseSequence(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Builds the suggester whole in the background from the current searcher, then, with writes held off, brings
     * it up to the changes applied meanwhile and lets it answer. The previous one (if any) answers until then.
     */
    private void buildSuggestions() {
        background.execute(() -> {
            long epoch = suggestions.startBuild();
            try {
                Suggestions.Store built = withSearcher(searcher -> suggestions.build(searcher.getIndexReader(), () -> closed));
                if (built == null) {
                    suggestions.abandonBuild();
                    return;
                }
                synchronized (writeLock) {
                    if (closed) {
                        built.close();
                        Suggestions.deleteRecursively(built.dir);
                        return;
                    }
                    withSearcher(searcher -> {
                        suggestions.finishBuild(built, epoch, searcher, sequence);
                        return null;
                    });
                }
            } catch (IOException | RuntimeException e) {
                // Autocomplete stays as it was (empty on a first start); the next start or rebuild builds it again.
                suggestions.abandonBuild();
            }
        });
    }

    private interface SearcherWork<T> {
        T run(FacetedSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        for (int attempt = 0; ; attempt++) {
            ensureOpen();
            Generation current = generation;
            FacetedSearcher searcher;
            try {
                searcher = (FacetedSearcher) current.searchers.acquire();
            } catch (AlreadyClosedException e) {
                if (attempt < 3 && generation != current) {
                    continue;
                }
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return work.run(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    current.searchers.release(searcher);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("index service is closed");
        }
    }

    private static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        for (String dim : Schema.MULTI_VALUED_FACETS) {
            config.setMultiValued(dim, true);
        }
        return config;
    }
}
