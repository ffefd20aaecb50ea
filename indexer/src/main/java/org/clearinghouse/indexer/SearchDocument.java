package org.clearinghouse.indexer;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One published catalogue record as the index sees it.
 *
 * @param texts          language code to title and summary; includes {@code originalLanguage}
 * @param countries      jurisdiction codes: ISO 3166-1 alpha-2 or body codes such as EU, UNESCO
 * @param year           publication year, or null when unknown
 * @param open           open licence, open source or free of charge
 * @param changeSequence the database change sequence of this version of the record
 */
public record SearchDocument(
        String id,
        String slug,
        String type,
        String originalLanguage,
        Map<String, LocalizedText> texts,
        String url,
        String publisher,
        List<String> countries,
        List<String> regions,
        List<String> languages,
        List<String> themes,
        List<String> levels,
        List<String> audiences,
        String license,
        Integer year,
        boolean open,
        List<String> keywords,
        long changeSequence) {

    public SearchDocument {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is blank");
        }
        texts = texts == null ? Map.of() : texts.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        countries = copy(countries);
        regions = copy(regions);
        languages = copy(languages);
        themes = copy(themes);
        levels = copy(levels);
        audiences = copy(audiences);
        keywords = copy(keywords);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
