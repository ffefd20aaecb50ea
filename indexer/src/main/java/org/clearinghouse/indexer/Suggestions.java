package org.clearinghouse.indexer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup.LookupResult;
import org.apache.lucene.search.suggest.analyzing.BlendedInfixSuggester;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Autocomplete over record titles in every language and over thesaurus labels that lead to at least one
 * record. Built in memory from a searcher and replaced whole after changes; words match anywhere in a
 * title, earlier positions first.
 */
final class Suggestions implements Closeable {
    private static final long TITLE_WEIGHT = 10;
    private static final long CONCEPT_WEIGHT = 20;
    private static final int MAX_PREFIX_LENGTH = 100;
    private static final char CONCEPT_MARK = 'C';
    private static final char TITLE_MARK = 'T';

    private record Entry(String text, String lang, String payload, long weight) {
    }

    private final Analyzers analyzers;
    private final Thesaurus thesaurus;
    private volatile BlendedInfixSuggester current;
    private volatile boolean closed;

    Suggestions(Analyzers analyzers, Thesaurus thesaurus) {
        this.analyzers = analyzers;
        this.thesaurus = thesaurus;
    }

    void rebuild(IndexReader reader) throws IOException {
        List<Entry> entries = entries(reader);
        BlendedInfixSuggester next = new BlendedInfixSuggester(new ByteBuffersDirectory(), analyzers.neutral(), analyzers.neutral(),
                3, BlendedInfixSuggester.BlenderType.POSITION_RECIPROCAL, BlendedInfixSuggester.DEFAULT_NUM_FACTOR, false);
        next.build(new Entries(entries.iterator()));
        BlendedInfixSuggester previous;
        synchronized (this) {
            if (closed) {
                next.close();
                return;
            }
            previous = current;
            current = next;
        }
        if (previous != null) {
            previous.close();
        }
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
            BlendedInfixSuggester suggester = current;
            if (suggester == null) {
                return List.of();
            }
            try {
                Map<String, Suggestion> out = new LinkedHashMap<>();
                collect(out, suggester.lookup(key, Set.of(new BytesRef(lang)), limit, true, false), limit);
                collect(out, suggester.lookup(key, (Set<BytesRef>) null, limit * 2, true, false), limit);
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
            String payload = r.payload.utf8ToString();
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

    private List<Entry> entries(IndexReader reader) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader r = leaf.reader();
            Bits live = r.getLiveDocs();
            StoredFields stored = r.storedFields();
            for (int doc = 0; doc < r.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                TitleVisitor titles = new TitleVisitor();
                stored.document(doc, titles);
                for (Map.Entry<String, String> t : titles.titles.entrySet()) {
                    if (seen.add(t.getKey() + '\u0000' + t.getValue())) {
                        entries.add(new Entry(t.getValue(), t.getKey(), TITLE_MARK + t.getKey() + '\u0000' + (titles.slug == null ? "" : titles.slug), TITLE_WEIGHT));
                    }
                }
            }
        }
        for (Concept concept : thesaurus.concepts()) {
            int records = reader.docFreq(new Term(Schema.CONCEPT, concept.id()));
            if (records == 0) {
                continue;
            }
            concept.labels().forEach((rawLang, labels) -> {
                String lang = Languages.normalize(rawLang);
                for (String label : lang == null ? List.<String>of() : labels) {
                    if (seen.add(lang + '\u0000' + label)) {
                        entries.add(new Entry(label, lang, CONCEPT_MARK + lang + '\u0000' + concept.id(), CONCEPT_WEIGHT + Math.min(records, 80)));
                    }
                }
            });
        }
        return entries;
    }

    /** Loads only the titles and the slug of a stored record. */
    private static final class TitleVisitor extends StoredFieldVisitor {
        final Map<String, String> titles = new LinkedHashMap<>();
        String slug;

        @Override
        public Status needsField(FieldInfo field) {
            return field.name.startsWith("t.") || field.name.equals(Schema.SLUG) ? Status.YES : Status.NO;
        }

        @Override
        public void stringField(FieldInfo field, String value) {
            if (field.name.equals(Schema.SLUG)) {
                slug = value;
            } else {
                titles.put(field.name.substring(2), value);
            }
        }
    }

    private static final class Entries implements InputIterator {
        private final Iterator<Entry> entries;
        private Entry entry;

        Entries(Iterator<Entry> entries) {
            this.entries = entries;
        }

        @Override
        public BytesRef next() {
            if (!entries.hasNext()) {
                return null;
            }
            entry = entries.next();
            return new BytesRef(entry.text());
        }

        @Override
        public long weight() {
            return entry.weight();
        }

        @Override
        public BytesRef payload() {
            return new BytesRef(entry.payload().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean hasPayloads() {
            return true;
        }

        @Override
        public Set<BytesRef> contexts() {
            return Set.of(new BytesRef(entry.lang()));
        }

        @Override
        public boolean hasContexts() {
            return true;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
