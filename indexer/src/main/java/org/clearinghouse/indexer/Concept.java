package org.clearinghouse.indexer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A thesaurus concept.
 *
 * @param labels language code to labels, the preferred label first
 */
public record Concept(String id, Map<String, List<String>> labels) {
    public Concept {
        Objects.requireNonNull(id, "id");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (labels != null) {
            labels.forEach((lang, values) -> {
                if (lang != null && values != null) {
                    copy.put(lang, values.stream().filter(Objects::nonNull).toList());
                }
            });
        }
        labels = java.util.Collections.unmodifiableMap(copy);
    }
}
