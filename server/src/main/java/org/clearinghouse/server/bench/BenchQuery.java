package org.clearinghouse.server.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearinghouse.indexer.SearchRequest;

/**
 * One query of the mix, in a form each of the three ways can run: API parameters, an indexer
 * {@link SearchRequest} (built as {@code SearchService} builds it from the same parameters), and the pieces
 * of the PostgreSQL full-text query.
 *
 * @param kind     {@code single}, {@code multi}, {@code phrase}, {@code non_english} or {@code filter_only}
 * @param q        user syntax; empty for a filter-only query
 * @param lang     the language the user searches in; null lets the server detect it (English queries)
 * @param filters  facet dimension ({@code type}, {@code country}, ...) to the values any of which must match
 * @param yearFrom null when unbounded
 * @param yearTo   null when unbounded
 */
record BenchQuery(String kind, String q, String lang, Map<String, List<String>> filters, Integer yearFrom, Integer yearTo) {
    /** The filter dimensions, in the order of the search API. */
    static final List<String> DIMENSIONS = List.of("type", "country", "region", "language", "theme", "level", "audience", "license");

    BenchQuery {
        filters = Map.copyOf(filters);
    }

    /** Ranked queries of more than one word (several terms or a phrase): the target for PostgreSQL. */
    boolean rankedMultiTerm() {
        return kind.equals("multi") || kind.equals("phrase");
    }

    int filterCount() {
        return filters.size() + (yearFrom != null || yearTo != null ? 1 : 0);
    }

    List<String> values(String dimension) {
        return filters.getOrDefault(dimension, List.of());
    }

    /** The query string of {@code GET /api/v1/search}. */
    String queryString() {
        List<String> params = new ArrayList<>();
        if (!q.isEmpty()) {
            params.add("q=" + encode(q));
        }
        if (lang != null) {
            params.add("lang=" + lang);
        }
        for (String dimension : DIMENSIONS) {
            for (String value : values(dimension)) {
                params.add(dimension + "=" + encode(value));
            }
        }
        if (yearFrom != null) {
            params.add("year_from=" + yearFrom);
        }
        if (yearTo != null) {
            params.add("year_to=" + yearTo);
        }
        return String.join("&", params);
    }

    /** The request {@code SearchService} makes of these parameters: default sort and a page of 20. */
    SearchRequest searchRequest() {
        return SearchRequest.builder().q(q).lang(lang)
                .type(values("type")).country(values("country")).region(values("region")).language(values("language"))
                .theme(values("theme")).level(values("level")).audience(values("audience")).license(values("license"))
                .yearFrom(yearFrom).yearTo(yearTo)
                .limit(20)
                .build();
    }

    @Override
    public String toString() {
        return kind + " [" + queryString() + "]";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
