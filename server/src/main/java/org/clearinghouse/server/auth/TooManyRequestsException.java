package org.clearinghouse.server.auth;

import java.time.Duration;

/** A rate limit is exhausted (HTTP 429 with {@code Retry-After}). */
public final class TooManyRequestsException extends RuntimeException {
    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until a retry can succeed, at least 1. */
    public long retryAfterSeconds() {
        return RetryAfter.seconds(retryAfter);
    }
}
