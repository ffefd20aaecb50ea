package org.clearinghouse.server.catalogue;

/** A write that collides with an existing record (same URL or slug); names the field and the record it meets. */
public final class ConflictException extends RuntimeException {
    private final String field;
    private final String existing;

    public ConflictException(String field, String message, String existing) {
        super(message);
        this.field = field;
        this.existing = existing;
    }

    public String field() {
        return field;
    }

    /** The id or slug of the record already holding the value, when known. */
    public String existing() {
        return existing;
    }
}
