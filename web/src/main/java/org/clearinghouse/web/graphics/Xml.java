package org.clearinghouse.web.graphics;

/** Escaping for text and attribute values of the SVG we write. */
final class Xml {

    private Xml() {}

    /** Escapes for element text and double- or single-quoted attributes; drops characters XML 1.0 cannot hold. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /**
     * Escapes a link target after checking it is a path on this site or an http(s) address, so a
     * {@code javascript:} or {@code data:} target can never reach the page.
     */
    static String href(String href) {
        String trimmed = href.strip();
        boolean local = trimmed.startsWith("/") && !trimmed.startsWith("//");
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        if (!local && !lower.startsWith("https://") && !lower.startsWith("http://")
                && !trimmed.startsWith("?") && !trimmed.startsWith("#")) {
            throw new IllegalArgumentException("link must be a site path or an http(s) address: " + href);
        }
        return escape(trimmed);
    }

    /** An id for {@code id} and ARIA references: letters, digits, '-' and '_' only, starting with a letter. */
    static String id(String id) {
        if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("not a usable id: " + id);
        }
        return id;
    }
}
