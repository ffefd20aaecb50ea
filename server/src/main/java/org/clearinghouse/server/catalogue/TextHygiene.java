package org.clearinghouse.server.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Text that no field of the catalogue may hold: control characters other than tab, line feed and carriage return
 * (PostgreSQL refuses NUL outright, the rest are invisible tricks), and lone UTF-16 surrogates (JSON escapes such as
 * {@code \ud800} that are no character at all: stored, they would silently become '?').
 */
public final class TextHygiene {
    private TextHygiene() {
    }

    /** The first offending character's description, or null when the text is clean. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain a lone surrogate (\\u" + String.format("%04x", (int) c) + " at position " + i + ")";
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return "must not contain control characters (\\u" + String.format("%04x", (int) c) + " at position " + i + ")";
            }
        }
        return null;
    }

    /** Adds an error for every text value and field name of {@code node} that is not clean, named by its path. */
    public static void check(JsonNode node, String path, List<FieldError> errors) {
        if (node.isTextual()) {
            String problem = problem(node.textValue());
            if (problem != null) {
                errors.add(new FieldError(path.isEmpty() ? "(body)" : path, problem));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String problem = problem(field.getKey());
                if (problem != null) {
                    errors.add(new FieldError(path.isEmpty() ? "(body)" : path, "a field name " + problem));
                    continue;
                }
                check(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), errors);
            }
        }
    }
}
