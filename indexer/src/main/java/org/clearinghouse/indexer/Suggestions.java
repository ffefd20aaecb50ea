package org.clearinghouse.indexer;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.search.suggest.analyzing.BlendedInfixSuggester;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * Autocomplete over record titles in every language and over thesaurus labels that lead to at least one
 * record; words match anywhere in a title, earlier positions first.
 *
 * <p>The suggester is a Lucene index of its own in a subdirectory of the search index's directory
 * ({@code suggest-N}, memory-mapped, off the heap), one entry per record and title text, tagged with the record's
 * id so that a change replaces exactly that record's entries. The index service keeps it in step with every
 * change it applies and commits it, with the same change sequence, just before its own commit; so after a
 * restart it answers at once, and the catch-up replays whatever came after. It is built whole only when it is
 * missing or outdated (first start, rebuild of the search index, other schema or thesaurus), into a new
 * directory beside the one still answering.
 */
final class Suggestions implements Closeable {
    /** Bump whenever what an entry holds changes: a suggester of another version is built again. */
    static final String VERSION = "2";
    static final String DIRECTORY_PREFIX = "suggest-";
    private static final String VERSION_KEY = "suggest";
    private static final String THESAURUS_KEY = "thesaurus";
    private static final String SEQUENCE_KEY = "sequence";

    private static final long TITLE_WEIGHT = 10;
    private static final long CONCEPT_WEIGHT = 20;
    /** A concept's weight grows with its records up to this many. */
    private static final int CONCEPT_RECORDS_CAP = 80;
    private static final int MAX_PREFIX_LENGTH = 100;
    /** Records may share a title: ask for more entries than wanted, and keep one per text. */
    private static final int OVERFETCH = 3;
    private static final char CONCEPT_MARK = 'C';
    private static final char TITLE_MARK = 'T';
    /** Context tags naming an entry's record or concept, beside its language tags. */
    private static final String RECORD_TAG = "#";
    private static final String CONCEPT_TAG = "@";

    private final Path home;
    private final Analyzers analyzers;
    private final Thesaurus thesaurus;
    private volatile Store current;
    /** Records changed while a full build runs, to bring the new suggester up to date before it answers. */
    private Set<String> changedDuringBuild;
    /** Bumped when the search index is rebuilt: a full build started before then is thrown away. */
    private long epoch;
    private long lastNumber;
    private volatile boolean closed;

    Suggestions(Path home, Analyzers analyzers, Thesaurus thesaurus) {
        this.home = home;
        this.analyzers = analyzers;
        this.thesaurus = thesaurus;
    }

    /**
     * Opens the newest suggester on disk that is of this version and thesaurus and has seen every change up to
     * {@code indexSequence} (the search index's committed sequence), and removes the others. False when there is
     * none: then {@link #build} must run.
     */
    synchronized boolean open(long indexSequence) throws IOException {
        Store found = null;
        for (Path dir : directories()) {
            lastNumber = Math.max(lastNumber, number(dir));
            if (found == null) {
                Map<String, String> data = commitData(dir);
                if (VERSION.equals(data.get(VERSION_KEY)) && thesaurus.fingerprint().equals(data.get(THESAURUS_KEY))
                        && parseSequence(data.get(SEQUENCE_KEY)) >= indexSequence && indexSequence >= 0) {
                    found = new Store(dir, openSuggester(dir), true);
                    found.committedSequence = parseSequence(data.get(SEQUENCE_KEY));
                    continue;
                }
            }
            deleteRecursively(dir);
        }
        current = found;
        return found != null;
    }

    /** The search index was rebuilt: what the suggester holds no longer counts, on disk, until {@link #build} replaces it. */
    synchronized void invalidate() throws IOException {
        epoch++;
        changedDuringBuild = null;
        Store store = current;
        if (store != null && store.durable) {
            store.durable = false;
            store.suggester.commit(Map.of(VERSION_KEY, "outdated"));
        }
    }

    /** Where a full build starts: its epoch, and from now on the records changed meanwhile are noted. */
    synchronized long startBuild() {
        changedDuringBuild = new HashSet<>();
        return epoch;
    }

    /**
     * Builds a new suggester from every live record of {@code reader} and the thesaurus, streaming (nothing is
     * collected on the heap first). Returns null when {@code cancelled} said so before the end.
     */
    Store build(IndexReader reader, BooleanSupplier cancelled) throws IOException {
        Path dir;
        synchronized (this) {
            dir = home.resolve(DIRECTORY_PREFIX + (++lastNumber));
        }
        deleteRecursively(dir);
        Store store = new Store(dir, openSuggester(dir), true);
        boolean done = false;
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader r = leaf.reader();
                Bits live = r.getLiveDocs();
                StoredFields stored = r.storedFields();
                for (int doc = 0; doc < r.maxDoc(); doc++) {
                    if ((doc & 1023) == 0 && cancelled.getAsBoolean()) {
                        return null;
                    }
                    if (live == null || live.get(doc)) {
                        addRecord(store, stored, doc);
                    }
                }
            }
            updateConcepts(store, reader);
            done = true;
            return store;
        } finally {
            if (!done) {
                store.close();
                deleteRecursively(dir);
            }
        }
    }

    /**
     * Makes a built suggester the one that answers, after bringing it up to the search index's current state
     * (the records changed during its build) and committing it with {@code sequence}; the previous one is removed.
     * Call with the index's writes held off. A build of an earlier epoch is thrown away.
     */
    synchronized void finishBuild(Store built, long buildEpoch, IndexSearcher searcher, long sequence) throws IOException {
        if (closed || buildEpoch != epoch) {
            built.close();
            deleteRecursively(built.dir);
            return;
        }
        Set<String> changed = changedDuringBuild;
        changedDuringBuild = null;
        // Also refreshes its searcher, which has not seen the entries of the build yet.
        syncRecords(built, changed == null ? Set.of() : changed, searcher);
        built.suggester.commit(commitData(sequence));
        built.committedSequence = sequence;
        built.dirty = false;
        Store previous = current;
        current = built;
        if (previous != null) {
            previous.close();
            deleteRecursively(previous.dir);
        }
    }

    /** A full build failed or was cancelled: stop noting changes for it. */
    synchronized void abandonBuild() {
        changedDuringBuild = null;
    }

    /** Brings the entries of these records, and the concepts' weights, in line with {@code searcher}. */
    synchronized void sync(Collection<String> ids, IndexSearcher searcher) throws IOException {
        if (closed) {
            return;
        }
        if (changedDuringBuild != null) {
            changedDuringBuild.addAll(ids);
        }
        Store store = current;
        if (store != null) {
            syncRecords(store, ids, searcher);
        }
    }

    /** Makes the suggester's state durable with the sequence the index is about to commit. */
    synchronized void commit(long sequence) throws IOException {
        Store store = current;
        // Also when nothing changed in it: the sequence alone moved on, and a restart must find it as far as the index.
        if (!closed && store != null && store.durable && (store.dirty || store.committedSequence != sequence)) {
            store.suggester.commit(commitData(sequence));
            store.committedSequence = sequence;
            store.dirty = false;
        }
    }

    boolean ready() {
        return current != null;
    }

    List<Suggestion> suggest(String prefix, String lang, int limit) throws IOException {
        String key = prefix == null ? "" : UserQueryParser.sanitize(prefix).strip();
        if (key.length() > MAX_PREFIX_LENGTH) {
            key = key.substring(0, MAX_PREFIX_LENGTH);
        }
        if (key.isEmpty() || limit < 1 || Analyzers.terms(analyzers.neutral(), Schema.TITLE_NEUTRAL, key).isEmpty()) {
            return List.of();
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            Store store = current;
            if (store == null) {
                return List.of();
            }
            try {
                Map<String, Suggestion> out = new LinkedHashMap<>();
                collect(out, store.suggester.lookup(key, Set.of(new BytesRef(lang)), limit * OVERFETCH, true, false), limit);
                if (out.size() < limit) {
                    collect(out, store.suggester.lookup(key, (Set<BytesRef>) null, limit * OVERFETCH * 2, true, false), limit);
                }
                return List.copyOf(out.values());
            } catch (AlreadyClosedException e) {
                // Replaced while we looked: ask the new one.
            }
        }
        return List.of();
    }

    private static void collect(Map<String, Suggestion> out, List<LookupResult> results, int limit) {
        for (LookupResult r : results) {
            if (out.size() >= limit) {
                return;
            }
            String text = r.key.toString();
            // Payload: kind mark, language, NUL, slug or concept id.
            String payload = r.payload == null ? "" : r.payload.utf8ToString();
            int separator = payload.indexOf('\u0000');
            if (separator < 1) {
                continue;
            }
            String lang = payload.substring(1, separator);
            String target = payload.substring(separator + 1);
            Suggestion s = payload.charAt(0) == CONCEPT_MARK
                    ? new Suggestion(text, lang, null, target)
                    : new Suggestion(text, lang, target, null);
            out.putIfAbsent(text.toLowerCase(Locale.ROOT), s);
        }
    }

    private void syncRecords(Store store, Collection<String> ids, IndexSearcher searcher) throws IOException {
        StoredFields stored = searcher.storedFields();
        for (String id : ids) {
            store.suggester.deleteTagged(RECORD_TAG + id);
            ScoreDoc[] found = searcher.search(new TermQuery(new Term(Schema.ID, id)), 1).scoreDocs;
            if (found.length > 0) {
                addRecord(store, stored, found[0].doc);
            }
        }
        updateConcepts(store, searcher.getIndexReader());
        store.dirty = true;
        store.suggester.refresh();
    }

    /** One entry per distinct title text of the record, tagged with each language that has it and with the record. */
    private static void addRecord(Store store, StoredFields stored, int doc) throws IOException {
        TitleVisitor record = new TitleVisitor();
        stored.document(doc, record);
        if (record.id == null) {
            return;
        }
        Map<String, Set<BytesRef>> byText = new LinkedHashMap<>();
        Map<String, String> firstLanguage = new HashMap<>();
        for (Map.Entry<String, String> t : record.titles.entrySet()) {
            byText.computeIfAbsent(t.getValue(), k -> new LinkedHashSet<>(List.of(new BytesRef(RECORD_TAG + record.id))))
                    .add(new BytesRef(t.getKey()));
            firstLanguage.putIfAbsent(t.getValue(), t.getKey());
        }
        String slug = record.slug == null ? "" : record.slug;
        for (Map.Entry<String, Set<BytesRef>> e : byText.entrySet()) {
            store.suggester.add(new BytesRef(e.getKey()), e.getValue(), TITLE_WEIGHT,
                    payload(TITLE_MARK, firstLanguage.get(e.getKey()), slug));
        }
    }

    /** Rewrites the entries of the concepts whose weight (their live records, capped) changed. */
    private void updateConcepts(Store store, IndexReader reader) throws IOException {
        for (Concept concept : thesaurus.concepts()) {
            int records = liveRecords(reader, concept.id());
            long weight = records == 0 ? 0 : CONCEPT_WEIGHT + records;
            Long before = store.conceptWeights.put(concept.id(), weight);
            if (before != null && before == weight) {
                continue;
            }
            store.suggester.deleteTagged(CONCEPT_TAG + concept.id());
            if (weight == 0) {
                continue;
            }
            Map<String, Set<BytesRef>> byLabel = new LinkedHashMap<>();
            Map<String, String> firstLanguage = new HashMap<>();
            concept.labels().forEach((rawLang, labels) -> {
                String lang = Languages.normalize(rawLang);
                for (String label : lang == null ? List.<String>of() : labels) {
                    byLabel.computeIfAbsent(label, k -> new LinkedHashSet<>(List.of(new BytesRef(CONCEPT_TAG + concept.id()))))
                            .add(new BytesRef(lang));
                    firstLanguage.putIfAbsent(label, lang);
                }
            });
            for (Map.Entry<String, Set<BytesRef>> e : byLabel.entrySet()) {
                store.suggester.add(new BytesRef(e.getKey()), e.getValue(), weight,
                        payload(CONCEPT_MARK, firstLanguage.get(e.getKey()), concept.id()));
            }
        }
    }

    /** Live records carrying the concept, counted up to the cap (deleted documents still count in docFreq). */
    private static int liveRecords(IndexReader reader, String conceptId) throws IOException {
        Term term = new Term(Schema.CONCEPT, conceptId);
        if (reader.docFreq(term) == 0) {
            return 0;
        }
        int count = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            PostingsEnum postings = leaf.reader().postings(term, PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    if (++count >= CONCEPT_RECORDS_CAP) {
                        return count;
                    }
                }
            }
        }
        return count;
    }

    private static BytesRef payload(char mark, String lang, String target) {
        return new BytesRef((mark + lang + '\u0000' + target).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> commitData(long sequence) {
        return Map.of(VERSION_KEY, VERSION, THESAURUS_KEY, thesaurus.fingerprint(), SEQUENCE_KEY, Long.toString(sequence));
    }

    private static Map<String, String> commitData(Path dir) {
        try (Directory d = FSDirectory.open(dir)) {
            return DirectoryReader.indexExists(d) ? SegmentInfos.readLatestCommit(d).getUserData() : Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static long parseSequence(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The suggester directories under the index directory, newest first. */
    private List<Path> directories() throws IOException {
        if (!Files.isDirectory(home)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(home)) {
            return entries.filter(p -> Files.isDirectory(p) && number(p) > 0)
                    .sorted(Comparator.comparingLong(Suggestions::number).reversed()).toList();
        }
    }

    private static long number(Path dir) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(DIRECTORY_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(DIRECTORY_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Suggester openSuggester(Path dir) throws IOException {
        Files.createDirectories(dir);
        FSDirectory directory = FSDirectory.open(dir);
        try {
            return new Suggester(directory, analyzers.neutral());
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    static void deleteRecursively(Path dir) {
        try {
            IOUtils.rm(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the suggester directory " + dir, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        changedDuringBuild = null;
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** One suggester on disk. */
    static final class Store implements Closeable {
        final Path dir;
        final Suggester suggester;
        /** False once the search index was rebuilt under it: never committed as valid again. */
        boolean durable;
        /** Changed since its last commit. */
        boolean dirty;
        long committedSequence = -1;
        final Map<String, Long> conceptWeights = new HashMap<>();

        Store(Path dir, Suggester suggester, boolean durable) {
            this.dir = dir;
            this.suggester = suggester;
            this.durable = durable;
        }

        @Override
        public void close() throws IOException {
            suggester.close();
        }
    }

    /** The infix suggester, with deletion of the entries that carry a context tag, and commits with user data. */
    static final class Suggester extends BlendedInfixSuggester {
        /** An entry without tokens (never found) whose update opens the writer, which Lucene's API keeps private. */
        private static final BytesRef OPENER = new BytesRef("\u0001");

        Suggester(Directory directory, Analyzer analyzer) throws IOException {
            super(directory, analyzer, analyzer, 3, BlenderType.POSITION_RECIPROCAL, DEFAULT_NUM_FACTOR, false);
        }

        void deleteTagged(String tag) throws IOException {
            openWriter();
            writer.deleteDocuments(new Term(CONTEXTS_FIELD_NAME, tag));
        }

        void commit(Map<String, String> userData) throws IOException {
            openWriter();
            writer.setLiveCommitData(userData.entrySet());
            writer.commit();
        }

        private void openWriter() throws IOException {
            if (writer == null) {
                update(OPENER, Set.of(OPENER), 0, new BytesRef());
            }
        }
    }

    /** Loads only the id, the slug and the titles of a stored record. */
    private static final class TitleVisitor extends StoredFieldVisitor {
        final Map<String, String> titles = new LinkedHashMap<>();
        String id;
        String slug;

        @Override
        public Status needsField(FieldInfo field) {
            return field.name.startsWith("t.") || field.name.equals(Schema.SLUG) || field.name.equals(Schema.ID) ? Status.YES : Status.NO;
        }

        @Override
        public void stringField(FieldInfo field, String value) {
            if (field.name.equals(Schema.SLUG)) {
                slug = value;
            } else if (field.name.equals(Schema.ID)) {
                id = value;
            } else {
                titles.put(field.name.substring(2), value);
            }
        }
    }
}
