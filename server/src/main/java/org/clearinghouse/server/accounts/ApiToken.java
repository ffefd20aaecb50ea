package org.clearinghouse.server.accounts;

import java.time.Instant;
import java.util.Optional;

/** A personal API token as its owner sees it after creation: never the secret, only its prefix. */
public record ApiToken(long id, long accountId, String name, String prefix, Instant createdAt,
                       Optional<Instant> expiresAt, Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {
}
