package org.clearinghouse.web.view;

import java.util.List;

/**
 * The review of one pending revision: the field diff, duplicate warnings, the submitter's reply and the decision
 * form ({@code action}, with the record's {@code etag} so a concurrent change is noticed). {@code error} and the
 * typed {@code comment} and {@code decision} come back after a refused decision.
 */
public record ReviewView(PageMeta page, String csrf, String title, String recordHref, int revision, String action,
                         String etag, List<DiffRow> changes, List<Link> duplicates, String reply, String decision,
                         String comment, String error) {
}
