package org.clearinghouse.server.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A pending revision waiting for a moderator.
 *
 * @param edit          true when the record is already published (the revision is an edit of it)
 * @param previousReply the submitter's answer to the change request this revision follows, if any
 */
public record QueueItem(UUID resourceId, String slug, String recordStatus, boolean edit, int n, String type,
                        String title, List<String> jurisdictions, String author, Long organisationId,
                        String organisation, Instant submittedAt, String previousReply,
                        List<DuplicateWarning> duplicateWarnings) {
}
