package org.clearinghouse.server.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** The answer of {@code GET /api/v1/search}; {@code next_cursor} and {@code suggestion} are always present. */
public record SearchResponse(
        long total,
        List<ResultSummary> results,
        Map<String, List<FacetValue>> facets,
        @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor,
        @JsonInclude(JsonInclude.Include.ALWAYS) String suggestion) {
}
