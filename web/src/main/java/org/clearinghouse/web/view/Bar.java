package org.clearinghouse.web.view;

/** One value of a count series: its label, how many records, and where to see them. */
public record Bar(String label, long count, String href) {
}
