package org.clearinghouse.web.view;

import java.util.List;

/**
 * The search page. {@code error} is set (and the rest mostly empty) when a parameter was refused;
 * {@code firstHref} is null on the first page, {@code nextHref} on the last.
 */
public record SearchView(PageMeta page, String q, String total, List<ResourceCard> results, List<FacetGroup> facets,
                         List<Link> activeFilters, List<Option> sorts, String yearFrom, String yearTo, boolean openOnly,
                         String nextHref, String firstHref, String suggestion, String suggestionHref, String csvHref,
                         String jsonlHref, String feedHref, String error) {
}
