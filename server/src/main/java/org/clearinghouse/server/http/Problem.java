package org.clearinghouse.server.http;

import java.util.List;
import org.clearinghouse.server.catalogue.FieldError;

/**
 * An RFC 9457 problem detail. {@code errors} names each bad field for validation problems;
 * {@code requestId} lets a user quote the failing request to an operator.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
                      String requestId, String existing) {
    public static final String CONTENT_TYPE = "application/problem+json";
    static final String TYPE_BASE = "/problems/";

    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors,
                             String requestId) {
        return new Problem(TYPE_BASE + type.slug(), type.title(), type.status(), detail, instance,
                errors == null || errors.isEmpty() ? null : errors, requestId, null);
    }

    public Problem withExisting(String existing) {
        return new Problem(type, title, status, detail, instance, errors, requestId, existing);
    }
}
