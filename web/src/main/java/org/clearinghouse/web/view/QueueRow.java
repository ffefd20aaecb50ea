package org.clearinghouse.web.view;

/** A pending revision in the moderation queue. */
public record QueueRow(String title, String reviewHref, String typeLabel, String kind, String author,
                       String organisation, String submitted, int duplicates) {
}
