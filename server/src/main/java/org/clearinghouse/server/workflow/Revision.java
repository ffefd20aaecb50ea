package org.clearinghouse.server.workflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearinghouse.server.catalogue.ResourceContent;

/**
 * One version of a record's content exactly as it was submitted, with what became of it.
 *
 * @param n                 1, 2, ... in the order submitted
 * @param state             {@code pending}, {@code published}, {@code changes_requested}, {@code rejected},
 *                          {@code withdrawn}, or {@code superseded} (a newer revision replaced it)
 * @param author            the submitting account's username; null for the catalogue's own baseline
 *                          (a seed or operator-imported record's content before its first edit)
 * @param decision          the moderator's decision ({@code approve}, {@code reject}, {@code request_changes}), if any
 * @param comment           the moderator's comment with the decision
 * @param reply             the submitter's answer to a change request
 * @param withdrawnBy       the moderator who withdrew the record while this revision was its published one
 * @param duplicateWarnings published records that looked like this content when it was submitted
 */
public record Revision(UUID resourceId, int n, String state, ResourceContent content, String author,
                       Long organisationId, String organisation, Instant createdAt, String decision, String comment,
                       String decidedBy, Instant decidedAt, String reply, Instant repliedAt,
                       String withdrawnBy, String withdrawalComment, Instant withdrawnAt,
                       List<DuplicateWarning> duplicateWarnings) {

    public Revision {
        duplicateWarnings = duplicateWarnings == null ? List.of() : List.copyOf(duplicateWarnings);
    }

    /** The list form, without the content. */
    public RevisionSummary summary() {
        return new RevisionSummary(n, state, author, organisation, createdAt, decision, comment, decidedBy, decidedAt,
                reply, withdrawnBy, withdrawalComment, withdrawnAt, duplicateWarnings.size());
    }
}
