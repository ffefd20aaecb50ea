package org.clearinghouse.indexer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.clearinghouse.indexer.Highlights.Marker;
import org.clearinghouse.indexer.QueryPlanner.Plan;

/** Reads a stored record back as a hit, in the request language where a translation exists. */
final class HitReader {
    private final Highlights highlights;

    HitReader(Highlights highlights) {
        this.highlights = highlights;
    }

    /** The highlighting state of one search: build it once per search, use it for each of its hits. */
    Marker marker(Plan plan) {
        return highlights.marker(plan);
    }

    Hit read(IndexSearcher searcher, int doc, String lang, Marker marker) throws IOException {
        return read(searcher.storedFields(), doc, lang, marker);
    }

    /** Reads only what a hit shows: of the stored translations, those {@link #shown} can pick. */
    Hit read(StoredFields stored, int doc, String lang, Marker marker) throws IOException {
        Shown d = new Shown(lang);
        stored.document(doc, d);
        String original = d.original;
        String textLanguage = shown(d.titles, lang, original);
        String summaryLanguage = shown(d.summaries, lang, original);
        String title = d.titles.getOrDefault(textLanguage, "");
        String summary = d.summaries.getOrDefault(summaryLanguage, "");
        Map<String, String> marked = new LinkedHashMap<>();
        marked.put("title", marker.title(textLanguage, title));
        marked.put("summary", marker.summary(summaryLanguage, summary));
        return new Hit(
                d.first(Schema.ID),
                d.first(Schema.SLUG),
                d.first(Schema.TYPE),
                title,
                summary,
                d.first(Schema.URL),
                d.all(Schema.COUNTRY),
                d.all(Schema.LANGUAGE),
                d.year,
                java.util.Collections.unmodifiableMap(marked),
                textLanguage,
                summaryLanguage,
                d.first(Schema.PUBLISHER),
                d.first(Schema.LICENSE),
                Boolean.parseBoolean(d.first(Schema.OPEN)),
                d.all(Schema.THEME));
    }

    /**
     * Decodes the fields a hit needs and skips the rest (keywords, concepts, other translations): a record
     * may carry a dozen translations. The original language is stored before the texts, so by the time
     * the texts come it is known which of them can be shown.
     */
    private static final class Shown extends StoredFieldVisitor {
        private static final Set<String> FIELDS = Set.of(Schema.ID, Schema.SLUG, Schema.TYPE, Schema.URL, Schema.COUNTRY,
                Schema.LANGUAGE, Schema.PUBLISHER, Schema.LICENSE, Schema.OPEN, Schema.THEME);

        private final String lang;
        private final Map<String, List<String>> values = new HashMap<>();
        final Map<String, String> titles = new LinkedHashMap<>();
        final Map<String, String> summaries = new LinkedHashMap<>();
        String original;
        Integer year;

        Shown(String lang) {
            this.lang = lang;
        }

        @Override
        public Status needsField(FieldInfo field) {
            String name = field.name;
            if (name.startsWith("t.")) {
                return wanted(titles, name) ? Status.YES : Status.NO;
            }
            if (name.startsWith("s.")) {
                return wanted(summaries, name) ? Status.YES : Status.NO;
            }
            return FIELDS.contains(name) || name.equals(Schema.ORIGINAL_LANGUAGE) || name.equals(Schema.YEAR) ? Status.YES : Status.NO;
        }

        /** The request language, the original, and the first text (the last resort of {@link #shown}). */
        private boolean wanted(Map<String, String> texts, String name) {
            String textLang = name.substring(2);
            return texts.isEmpty() || textLang.equals(lang) || textLang.equals(original);
        }

        @Override
        public void stringField(FieldInfo field, String value) {
            String name = field.name;
            if (name.startsWith("t.")) {
                keep(titles, name, value);
            } else if (name.startsWith("s.")) {
                keep(summaries, name, value);
            } else if (name.equals(Schema.ORIGINAL_LANGUAGE)) {
                original = value;
            } else {
                values.computeIfAbsent(name, n -> new ArrayList<>(2)).add(value);
            }
        }

        private static void keep(Map<String, String> texts, String name, String value) {
            if (!value.isBlank()) {
                texts.put(name.substring(2), value);
            }
        }

        @Override
        public void intField(FieldInfo field, int value) {
            if (field.name.equals(Schema.YEAR)) {
                year = value;
            }
        }

        String first(String name) {
            List<String> v = values.get(name);
            return v == null ? null : v.get(0);
        }

        List<String> all(String name) {
            List<String> v = values.get(name);
            return v == null ? List.of() : List.copyOf(v);
        }
    }

    /** The request language if the record has that text, else the original, else any. */
    private static String shown(Map<String, String> texts, String lang, String original) {
        if (texts.containsKey(lang)) {
            return lang;
        }
        if (texts.containsKey(original) || texts.isEmpty()) {
            return original;
        }
        return texts.keySet().iterator().next();
    }
}
