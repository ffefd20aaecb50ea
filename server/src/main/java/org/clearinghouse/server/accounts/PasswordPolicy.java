package org.clearinghouse.server.accounts;

import java.util.Optional;

/** The minimum a password must meet: at least 12 characters, at most 1,000, and not the username. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 1000;

    private PasswordPolicy() {
    }

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of("a password is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (username != null && password.trim().equalsIgnoreCase(username.trim())) {
            return Optional.of("must not be the username");
        }
        return Optional.empty();
    }
}
