package org.clearinghouse.indexer;

import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param total      number of records matching the query and all filters
 * @param facets     dimension to values, by count descending then value; each dimension's counts ignore
 *                   that dimension's own filter (multi-select)
 * @param nextCursor pass back as {@code cursor} for the next page; null on the last page
 * @param suggestion a corrected query when this one found almost nothing; null otherwise
 */
public record SearchResult(
        long total,
        List<Hit> hits,
        Map<String, List<FacetCount>> facets,
        String nextCursor,
        String suggestion) {
}
