package org.clearinghouse.server.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A keyset position in the newest-first listing: the sort key and id of the last record a client saw.
 * Opaque to clients; any depth costs the same.
 */
public record ListingCursor(String publishedSort, UUID id) {
    private static final String VERSION = "l1";

    public String encode() {
        String raw = VERSION + "|" + publishedSort + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty when the text is not a cursor this version issued. */
    public static Optional<ListingCursor> decode(String text) {
        if (text == null || text.length() > 200) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].matches("[0-9-]{0,10}")) {
                return Optional.empty();
            }
            return Optional.of(new ListingCursor(parts[1], UUID.fromString(parts[2])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
