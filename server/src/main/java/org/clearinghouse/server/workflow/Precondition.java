package org.clearinghouse.server.workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code If-Match} header: the entity tags a write may apply to (RFC 9110 §13.1.1, strong comparison:
 * weak tags never match), or {@code *} for any current state.
 */
public record Precondition(boolean any, List<String> tags) {

    public static Precondition parse(String header) {
        String value = header.trim();
        if (value.equals("*")) {
            return new Precondition(true, List.of());
        }
        List<String> tags = new ArrayList<>();
        for (String part : value.split(",")) {
            String tag = part.trim();
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return new Precondition(false, List.copyOf(tags));
    }

    public boolean matches(String etag) {
        return any || tags.contains(etag);
    }
}
