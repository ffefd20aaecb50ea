package org.clearinghouse.server.auth;

/** No valid credentials came with the request (HTTP 401). */
public final class UnauthorizedException extends RuntimeException {
    public UnauthorizedException(String message) {
        super(message);
    }
}
