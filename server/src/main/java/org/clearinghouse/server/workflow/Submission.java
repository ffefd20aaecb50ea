package org.clearinghouse.server.workflow;

import java.util.UUID;

/** One of a submitter's revisions with the record it belongs to: what {@code /submissions} lists. */
public record Submission(UUID resourceId, String slug, String title, String recordStatus, RevisionSummary revision) {
}
