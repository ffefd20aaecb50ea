package org.clearinghouse.web.view;

/** One of my revisions: the record, its state, and what the moderator said. */
public record SubmissionRow(String title, String href, int revision, String state, String comment, String decidedBy,
                            String submitted, String editHref) {
}
