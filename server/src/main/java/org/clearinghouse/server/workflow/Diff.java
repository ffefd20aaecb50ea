package org.clearinghouse.server.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;

/**
 * What changed from revision {@code from} to revision {@code to}: one entry per changed field path
 * ({@code title}, {@code course.format}, {@code translations.fr.summary}; lists compare whole), with the value
 * before and after (null: absent).
 */
public record Diff(UUID resourceId, int from, int to, List<Change> changes) {

    public record Change(String path, JsonNode before, JsonNode after) {
    }
}
