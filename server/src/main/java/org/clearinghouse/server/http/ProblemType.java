package org.clearinghouse.server.http;

/** The kinds of problem the API reports, each with its status and a stable type URI slug. */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "The request could not be read"),
    INVALID_PARAMETER(400, "invalid-parameter", "A query parameter is invalid"),
    UNAUTHORIZED(401, "unauthorized", "Missing or invalid credentials"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    CONFLICT(409, "conflict", "The record conflicts with an existing one"),
    PRECONDITION_FAILED(412, "precondition-failed", "The record changed since it was read"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    VALIDATION_FAILED(422, "validation-failed", "The submitted record is invalid"),
    ACCOUNT_LOCKED(423, "account-locked", "The account is locked for a while"),
    PRECONDITION_REQUIRED(428, "precondition-required", "The write needs If-Match"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "The service is unavailable"),
    INTERNAL(500, "internal-error", "Internal server error");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
