package org.clearinghouse.indexer;

/** The request cannot be answered as given; the message says why and is safe to show to the user. */
public class InvalidSearchRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidSearchRequestException(String message) {
        super(message);
    }
}
