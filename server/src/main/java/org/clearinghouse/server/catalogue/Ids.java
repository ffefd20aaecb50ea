package org.clearinghouse.server.catalogue;

import java.util.Optional;
import java.util.UUID;

/** Record ids as they arrive in URLs, where an id and a slug share one path segment. */
public final class Ids {
    private Ids() {
    }

    /** The UUID a path segment spells, or empty when it is a slug (or anything else). */
    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
