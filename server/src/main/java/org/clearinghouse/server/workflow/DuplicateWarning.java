package org.clearinghouse.server.workflow;

import java.util.UUID;

/**
 * A published record that looks like a submission: similar title and summary (score 0–1: the share of
 * distinctive words they have in common, title weighing more). A hint for the moderator, never a refusal.
 */
public record DuplicateWarning(UUID id, String slug, String title, double score) {
}
