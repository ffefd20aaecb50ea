package org.clearinghouse.server.persistence;

import java.util.List;
import java.util.UUID;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.workflow.DuplicateWarning;

/**
 * A revision about to be stored. {@code author} null: the catalogue's baseline of a record that had no revision.
 * {@code selfApproved}: a moderator's own write, stored as published with the author as the deciding moderator.
 */
public record NewRevision(UUID resourceId, int n, ResourceContent content, Principal author, String state,
                          boolean selfApproved, List<DuplicateWarning> duplicateWarnings) {
}
