package org.clearinghouse.server.workflow;

/** The record changed since the caller read it ({@code If-Match} is stale): HTTP 412, nothing was written. */
public final class PreconditionFailedException extends RuntimeException {
    private final String current;

    public PreconditionFailedException(String message, String current) {
        super(message);
        this.current = current;
    }

    /** The record's current entity tag. */
    public String current() {
        return current;
    }
}
