package org.clearinghouse.web.view;

/** One changed field of a revision: its path, the value before and after (empty when absent). */
public record DiffRow(String field, String before, String after) {
}
