package org.clearinghouse.server.accounts;

import java.time.Instant;
import java.util.Optional;
import org.clearinghouse.server.auth.Role;

/** A user account; the password hash never leaves persistence. */
public record Account(long id, long organisationId, String username, String displayName, Optional<String> email,
                      Role role, boolean disabled, Instant createdAt) {
}
