package org.clearinghouse.server.auth;

import java.time.Duration;

/**
 * Sign-in refused because the account is locked after repeated wrong passwords (HTTP 423 with
 * {@code Retry-After}). Raised before the password is checked, so it says nothing about the password.
 */
public final class AccountLockedException extends RuntimeException {
    private final Duration retryAfter;

    public AccountLockedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return RetryAfter.seconds(retryAfter);
    }
}
