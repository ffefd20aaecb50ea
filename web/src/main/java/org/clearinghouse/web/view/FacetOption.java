package org.clearinghouse.web.view;

/** One checkbox of a facet: {@code id} is the element id, {@code value} what the form sends. */
public record FacetOption(String id, String value, String label, long count, boolean checked) {
}
