package org.clearinghouse.server.workflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.clearinghouse.server.catalogue.BadParameterException;

/**
 * Opaque cursors of the workflow's lists (submissions, queue): a position in the list. These lists are short
 * working sets, so a position is enough; an entry that leaves the list while paging shifts the rest by one.
 */
final class Cursors {
    private static final String PREFIX = "at:";

    private Cursors() {
    }

    static int offset(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new BadParameterException("cursor", "is not a cursor this list issued");
    }

    /** {@code fetched} holds up to size + 1 entries: the extra one says there is a next page. */
    static <T> Page<T> page(List<T> fetched, int offset, int size) {
        boolean more = fetched.size() > size;
        String next = more ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + (offset + size)).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(List.copyOf(more ? fetched.subList(0, size) : fetched), next);
    }
}
