package org.clearinghouse.indexer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.clearinghouse.indexer.Analyzers.Token;

/**
 * Turns a {@link SearchDocument} into a Lucene document. Holds collators, which are not thread-safe:
 * use one builder per indexing thread.
 */
final class DocumentBuilder {
    /** Concept ids as terms: frequencies kept (a record about teachers names them often), no norms. */
    static final FieldType CONCEPT_TYPE = new FieldType();

    static {
        CONCEPT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        CONCEPT_TYPE.setOmitNorms(true);
        CONCEPT_TYPE.setTokenized(false);
        CONCEPT_TYPE.freeze();
    }

    /** A title occurrence says more about what a record is about than a summary occurrence. */
    private static final int TITLE_WEIGHT = 2;
    private static final int MAX_CONCEPT_FREQUENCY = 5;

    private final Analyzers analyzers;
    private final ConceptIndex concepts;
    private final FacetsConfig facets;
    private final TitleSortKeys sortKeys = new TitleSortKeys();
    private static final int MAX_CACHED_KEYWORDS = 10_000;
    private final Map<String, Set<String>> keywordConcepts = new HashMap<>();

    DocumentBuilder(Analyzers analyzers, ConceptIndex concepts, FacetsConfig facets) {
        this.analyzers = analyzers;
        this.concepts = concepts;
        this.facets = facets;
    }

    Document build(SearchDocument source) throws IOException {
        Map<String, LocalizedText> texts = texts(source);
        String original = originalLanguage(source, texts);
        Document doc = new Document();
        doc.add(new StringField(Schema.ID, source.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(Schema.ID, new BytesRef(source.id())));
        storeIfPresent(doc, Schema.SLUG, source.slug());
        storeIfPresent(doc, Schema.URL, source.url());
        storeIfPresent(doc, Schema.PUBLISHER, source.publisher());
        doc.add(new StoredField(Schema.ORIGINAL_LANGUAGE, original));
        doc.add(new StoredField(Schema.SEQUENCE, source.changeSequence()));

        Map<String, Integer> conceptWeights = new TreeMap<>();
        texts.forEach((lang, text) -> {
            Map<String, Integer> inText = new HashMap<>();
            addText(doc, lang, Schema.title(lang), Schema.TITLE_NEUTRAL, Schema.storedTitle(lang), text.title())
                    .forEach((id, n) -> inText.merge(id, TITLE_WEIGHT * n, Integer::sum));
            addText(doc, lang, Schema.summary(lang), Schema.SUMMARY_NEUTRAL, Schema.storedSummary(lang), text.summary())
                    .forEach((id, n) -> inText.merge(id, n, Integer::sum));
            // Translations repeat the same content: a concept weighs what the language naming it most gives it.
            inText.forEach((id, n) -> conceptWeights.merge(id, n, Math::max));
        });
        for (String keyword : source.keywords()) {
            doc.add(new TextField(Schema.KEYWORDS, keyword, Field.Store.NO));
            doc.add(new StoredField(Schema.KEYWORD_STORED, keyword));
        }
        if (source.publisher() != null && !source.publisher().isBlank()) {
            doc.add(new TextField(Schema.KEYWORDS, source.publisher(), Field.Store.NO));
        }
        addConcepts(doc, conceptWeights, original, source.keywords());
        addPlaces(doc, source.countries());

        facet(doc, Schema.TYPE, source.type() == null ? List.of() : List.of(source.type()));
        facet(doc, Schema.COUNTRY, source.countries());
        facet(doc, Schema.REGION, source.regions());
        facet(doc, Schema.LANGUAGE, source.languages());
        facet(doc, Schema.THEME, source.themes());
        facet(doc, Schema.LEVEL, source.levels());
        facet(doc, Schema.AUDIENCE, source.audiences());
        facet(doc, Schema.LICENSE, source.license() == null ? List.of() : List.of(source.license()));
        if (source.year() != null) {
            int year = source.year();
            doc.add(new IntPoint(Schema.YEAR, year));
            doc.add(new NumericDocValuesField(Schema.YEAR, year));
            doc.add(new StoredField(Schema.YEAR, year));
            doc.add(new SortedSetDocValuesFacetField(Schema.YEAR, Integer.toString(year)));
        }
        doc.add(new StringField(Schema.OPEN, Boolean.toString(source.open()), Field.Store.YES));
        sortKeys.add(doc, texts, original);
        return facets.build(doc);
    }

    /** Texts with normalised language codes and no empty entries. */
    private static Map<String, LocalizedText> texts(SearchDocument source) {
        Map<String, LocalizedText> out = new LinkedHashMap<>();
        source.texts().forEach((rawLang, text) -> {
            String lang = Languages.normalize(rawLang);
            if (lang != null && text != null && !(text.title().isBlank() && text.summary().isBlank())) {
                out.putIfAbsent(lang, text);
            }
        });
        return out;
    }

    private static String originalLanguage(SearchDocument source, Map<String, LocalizedText> texts) {
        String lang = Languages.normalize(source.originalLanguage());
        if (lang != null && texts.containsKey(lang)) {
            return lang;
        }
        return texts.isEmpty() ? (lang == null ? "und" : lang) : texts.keySet().iterator().next();
    }

    /**
     * Indexes one text in its language's field (if the language has an analyzer) and in the neutral field,
     * analysing it once for both indexing and concept extraction; returns the concepts it mentions.
     */
    private Map<String, Integer> addText(Document doc, String lang, String field, String neutralField, String storedField, String text) {
        if (text.isBlank()) {
            return Map.of();
        }
        doc.add(new StoredField(storedField, text));
        List<Token> folded = Analyzers.tokens(analyzers.neutral(), neutralField, text);
        doc.add(new TextField(neutralField, new TokenReplay(folded)));
        List<Token> own = folded;
        if (Schema.analyzed(lang)) {
            own = Analyzers.tokens(analyzers.forLanguage(lang), field, text);
            doc.add(new TextField(field, new TokenReplay(own)));
        }
        if (concepts.isEmpty()) {
            return Map.of();
        }
        return concepts.occurrences(lang, terms(own), terms(folded));
    }

    private static List<String> terms(List<Token> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (Token token : tokens) {
            out.add(token.term());
        }
        return out;
    }

    /** Frequency: the concept's weight in the texts, plus one if a keyword names it. */
    private void addConcepts(Document doc, Map<String, Integer> weights, String original, List<String> keywords) {
        if (concepts.isEmpty()) {
            return;
        }
        LinkedHashSet<String> inKeywords = new LinkedHashSet<>();
        for (String keyword : keywords) {
            inKeywords.addAll(keywordConcepts(original, keyword));
        }
        inKeywords.forEach(id -> weights.merge(id, 1, Integer::sum));
        weights.forEach((id, weight) -> {
            doc.add(new StoredField(Schema.CONCEPT_STORED, id));
            for (int i = 0; i < Math.min(weight, MAX_CONCEPT_FREQUENCY); i++) {
                doc.add(new Field(Schema.CONCEPT, id, CONCEPT_TYPE));
            }
        });
    }

    /** Catalogues repeat the same few keywords in record after record: each is analysed once per language. */
    private Set<String> keywordConcepts(String lang, String keyword) {
        String key = lang + '\u0000' + keyword;
        Set<String> ids = keywordConcepts.get(key);
        if (ids == null) {
            if (keywordConcepts.size() >= MAX_CACHED_KEYWORDS) {
                keywordConcepts.clear();
            }
            ids = Set.copyOf(concepts.occurrences(lang, keyword).keySet());
            keywordConcepts.put(key, ids);
        }
        return ids;
    }

    private static void addPlaces(Document doc, List<String> countries) {
        Set<String> names = new LinkedHashSet<>();
        for (String code : countries) {
            if (code == null || !code.matches("[A-Z]{2}")) {
                continue;
            }
            List<String> known = PLACE_NAMES.get(code);
            names.addAll(known != null ? known : placeNames(code));
        }
        for (String name : names) {
            doc.add(new TextField(Schema.PLACES, name, Field.Store.NO));
        }
    }

    /** Country names in every analysed language, by ISO code: looked up once, not once per record. */
    private static final Map<String, List<String>> PLACE_NAMES = placeNames();

    private static Map<String, List<String>> placeNames() {
        Map<String, List<String>> out = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            out.put(code, placeNames(code));
        }
        return Map.copyOf(out);
    }

    private static List<String> placeNames(String code) {
        Locale country = new Locale("", code);
        Set<String> names = new LinkedHashSet<>();
        for (String lang : Schema.ANALYZED_LANGUAGES) {
            String name = country.getDisplayCountry(new Locale(lang));
            if (!name.isBlank() && !name.equals(code)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static void facet(Document doc, String dim, List<String> values) {
        for (String value : new LinkedHashSet<>(clean(values))) {
            doc.add(new SortedSetDocValuesFacetField(dim, value));
            doc.add(new StoredField(dim, value));
        }
    }

    private static List<String> clean(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                out.add(value.strip());
            }
        }
        return out;
    }

    private static void storeIfPresent(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StoredField(field, value));
        }
    }
}
