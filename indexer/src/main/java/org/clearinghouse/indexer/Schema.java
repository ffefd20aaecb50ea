package org.clearinghouse.indexer;

import java.util.List;

/** Field names of the index; bump VERSION whenever a field or its analysis changes. */
final class Schema {
    static final String VERSION = "1";

    /** Languages with their own Lucene analyzer; every other language only reaches the neutral fields. */
    static final List<String> ANALYZED_LANGUAGES = List.of("en", "fr", "es", "ar", "ru", "zh", "pt");

    static final String ID = "id";
    static final String SLUG = "slug";
    static final String URL = "url";
    static final String PUBLISHER = "publisher";
    static final String ORIGINAL_LANGUAGE = "original_language";
    static final String SEQUENCE = "sequence";
    static final String YEAR = "year";
    static final String OPEN = "open";
    static final String KEYWORD_STORED = "keyword";
    static final String CONCEPT_STORED = "concept_id";

    static final String TITLE_NEUTRAL = "title_neutral";
    static final String SUMMARY_NEUTRAL = "summary_neutral";
    /** Keywords and publisher: free text in no declared language. */
    static final String KEYWORDS = "keywords";
    static final String CONCEPT = "concept";
    /** Names of the record's countries in the analysed languages, so that "India" or "Inde" finds IN. */
    static final String PLACES = "places";

    static final String TITLE_SORT_ORIGINAL = "title_sort";

    static final String TYPE = "type";
    static final String COUNTRY = "country";
    static final String REGION = "region";
    static final String LANGUAGE = "language";
    static final String THEME = "theme";
    static final String LEVEL = "level";
    static final String AUDIENCE = "audience";
    static final String LICENSE = "license";

    /** Facet dimensions in the order results list them. */
    static final List<String> FACETS = List.of(TYPE, COUNTRY, REGION, LANGUAGE, THEME, LEVEL, AUDIENCE, LICENSE, YEAR);
    static final List<String> MULTI_VALUED_FACETS = List.of(COUNTRY, REGION, LANGUAGE, THEME, LEVEL, AUDIENCE);

    private Schema() {
    }

    static boolean analyzed(String lang) {
        return ANALYZED_LANGUAGES.contains(lang);
    }

    static String title(String lang) {
        return analyzed(lang) ? "title_" + lang : TITLE_NEUTRAL;
    }

    static String summary(String lang) {
        return analyzed(lang) ? "summary_" + lang : SUMMARY_NEUTRAL;
    }

    static String titleSort(String lang) {
        return analyzed(lang) ? "title_sort_" + lang : TITLE_SORT_ORIGINAL;
    }

    static String storedTitle(String lang) {
        return "t." + lang;
    }

    static String storedSummary(String lang) {
        return "s." + lang;
    }
}
