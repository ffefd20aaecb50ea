package org.clearinghouse.indexer;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
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
        Document d = searcher.storedFields().document(doc);
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> summaries = new LinkedHashMap<>();
        for (IndexableField f : d.getFields()) {
            if (f.name().startsWith("t.") && !f.stringValue().isBlank()) {
                titles.put(f.name().substring(2), f.stringValue());
            } else if (f.name().startsWith("s.") && !f.stringValue().isBlank()) {
                summaries.put(f.name().substring(2), f.stringValue());
            }
        }
        String original = d.get(Schema.ORIGINAL_LANGUAGE);
        String textLanguage = shown(titles, lang, original);
        String summaryLanguage = shown(summaries, lang, original);
        String title = titles.getOrDefault(textLanguage, "");
        String summary = summaries.getOrDefault(summaryLanguage, "");
        Map<String, String> marked = new LinkedHashMap<>();
        marked.put("title", marker.title(textLanguage, title));
        marked.put("summary", marker.summary(summaryLanguage, summary));
        IndexableField year = d.getField(Schema.YEAR);
        return new Hit(
                d.get(Schema.ID),
                d.get(Schema.SLUG),
                d.get(Schema.TYPE),
                title,
                summary,
                d.get(Schema.URL),
                List.of(d.getValues(Schema.COUNTRY)),
                List.of(d.getValues(Schema.LANGUAGE)),
                year == null ? null : year.numericValue().intValue(),
                java.util.Collections.unmodifiableMap(marked),
                textLanguage,
                summaryLanguage,
                d.get(Schema.PUBLISHER),
                d.get(Schema.LICENSE),
                Boolean.parseBoolean(d.get(Schema.OPEN)),
                List.of(d.getValues(Schema.THEME)));
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
