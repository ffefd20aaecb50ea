package org.clearinghouse.server.site;

import java.util.List;
import java.util.Map;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.clearinghouse.web.Lang;

/** Vocabulary labels in the interface language, by search parameter or vocabulary name. */
final class Labels {
    /** Search filter parameter to its vocabulary, in the order the search page lists the facets. */
    static final Map<String, String> FILTERS = orderedFilters();

    private final Vocabularies vocabularies;

    Labels(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
    }

    /** The label of a filter value ({@code type=course} → "Course"). */
    String filter(String parameter, String code, Lang lang) {
        String vocabulary = FILTERS.get(parameter);
        return vocabulary == null ? code : vocabularies.label(vocabulary, code, lang.code());
    }

    String of(String vocabulary, String code, Lang lang) {
        return vocabularies.label(vocabulary, code, lang.code());
    }

    List<String> all(String vocabulary, List<String> codes, Lang lang) {
        return codes.stream().map(c -> of(vocabulary, c, lang)).toList();
    }

    private static Map<String, String> orderedFilters() {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        map.put("type", "types");
        map.put("region", "regions");
        map.put("country", "countries");
        map.put("language", "languages");
        map.put("theme", "themes");
        map.put("level", "levels");
        map.put("audience", "audiences");
        map.put("license", "licenses");
        return java.util.Collections.unmodifiableMap(map);
    }
}
