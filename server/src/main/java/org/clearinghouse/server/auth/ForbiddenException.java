package org.clearinghouse.server.auth;

/** The caller is known but may not do this (HTTP 403): a contributor moderating, or touching another organisation's record. */
public final class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
