package org.clearinghouse.indexer;

/** The cursor was not produced by this index for this sort order, or was altered. */
public class InvalidCursorException extends InvalidSearchRequestException {
    private static final long serialVersionUID = 1L;

    public InvalidCursorException(String message) {
        super(message);
    }
}
