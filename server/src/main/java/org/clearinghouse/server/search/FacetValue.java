package org.clearinghouse.server.search;

/** One value of a facet with its label in the request language and the number of matching records. */
public record FacetValue(String value, String label, long count) {
}
