package org.clearinghouse.indexer;

/** How many matching records carry one value of a facet dimension. */
public record FacetCount(String value, long count) {
}
