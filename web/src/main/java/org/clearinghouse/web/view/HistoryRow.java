package org.clearinghouse.web.view;

/** One revision of a record for the viewers who may see its history; {@code reviewHref} for moderators on pending ones. */
public record HistoryRow(int revision, String state, String author, String submitted, String comment, String decidedBy,
                         String reviewHref) {
}
