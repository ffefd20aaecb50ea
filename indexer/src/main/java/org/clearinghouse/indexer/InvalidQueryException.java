package org.clearinghouse.indexer;

/** The query text is too long, has too many terms or is otherwise too costly to run. */
public class InvalidQueryException extends InvalidSearchRequestException {
    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message) {
        super(message);
    }
}
