package org.clearinghouse.server.accounts;

import java.time.Instant;
import java.util.Optional;

/** An account's password hash and lockout state, for sign-in only; never leaves the accounts services. */
public record StoredCredentials(long accountId, String passwordHash, int failedLogins, Optional<Instant> lockedUntil,
                                boolean disabled) {

    @Override
    public String toString() {
        return "StoredCredentials[accountId=" + accountId + ", failedLogins=" + failedLogins + "]";
    }
}
