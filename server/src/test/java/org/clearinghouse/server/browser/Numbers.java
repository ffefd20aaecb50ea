package org.clearinghouse.server.browser;

/** Numbers as pages show them: grouped, and in Arabic pages in Arabic-Indic digits. */
final class Numbers {
    private Numbers() {
    }

    /** The one number in a text such as "1,234 records found" or "(١٢)", in any script's decimal digits. */
    static long in(String text) {
        StringBuilder digits = new StringBuilder();
        boolean seen = false;
        boolean ended = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                if (ended) {
                    throw new IllegalArgumentException("more than one number in '" + text + "'");
                }
                digits.append(Character.digit(c, 10));
                seen = true;
            } else if (seen && !isGroupSeparator(c)) {
                ended = true;
            }
        }
        if (!seen) {
            throw new IllegalArgumentException("no number in '" + text + "'");
        }
        return Long.parseLong(digits.toString());
    }

    private static boolean isGroupSeparator(char c) {
        return c == ',' || c == '.' || c == '\u00a0' || c == '\u202f' || c == ' ' || c == '\u066c' || c == '\'';
    }
}
