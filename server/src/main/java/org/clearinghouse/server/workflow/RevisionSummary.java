package org.clearinghouse.server.workflow;

import java.time.Instant;

/** A revision in a record's history: who submitted it when, what the moderator decided and said, the reply. */
public record RevisionSummary(int n, String state, String author, String organisation, Instant createdAt,
                              String decision, String comment, String decidedBy, Instant decidedAt, String reply,
                              String withdrawnBy, String withdrawalComment, Instant withdrawnAt, int duplicateWarnings) {
}
