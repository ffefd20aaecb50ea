package org.clearinghouse.web.graphics;

import java.util.Locale;

/**
 * Writes SVG text that lands where it is meant to whatever the page's direction. SVG text does not
 * mirror with {@code dir="rtl"}, but the inherited {@code direction} decides which end
 * {@code text-anchor} means; so every text states its own direction, taken from its first strong
 * character, and the anchor is chosen to give the asked-for visual alignment.
 */
final class SvgText {

    enum Align { LEFT, CENTRE, RIGHT }

    private SvgText() {}

    static void append(StringBuilder out, double x, double y, Align align, String text, String attributes) {
        boolean rtl = isRightToLeft(text);
        String anchor = switch (align) {
            case CENTRE -> "middle";
            case LEFT -> rtl ? "end" : null;
            case RIGHT -> rtl ? null : "end";
        };
        out.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y)).append('"');
        if (rtl) {
            out.append(" direction=\"rtl\"");
        }
        if (anchor != null) {
            out.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (!attributes.isEmpty()) {
            out.append(' ').append(attributes);
        }
        out.append('>').append(Xml.escape(text)).append("</text>");
    }

    static boolean isRightToLeft(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            byte d = Character.getDirectionality(c);
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /** A coordinate with at most one decimal, without a trailing ".0". */
    static String number(double value) {
        long tenths = Math.round(value * 10);
        if (tenths % 10 == 0) {
            return Long.toString(tenths / 10);
        }
        return String.format(Locale.ROOT, "%.1f", tenths / 10.0);
    }

    /**
     * Shortens a label to at most {@code max} characters, ending with an ellipsis when cut; cut
     * between words when a space is near the end (scripts without spaces are cut anywhere).
     */
    static String shorten(String label, int max) {
        if (label.codePointCount(0, label.length()) <= max) {
            return label;
        }
        String head = label.substring(0, label.offsetByCodePoints(0, max - 1));
        int space = head.lastIndexOf(' ');
        if (space > 0 && head.length() - space <= 16) {
            head = head.substring(0, space);
        }
        return head.stripTrailing() + "…";
    }
}
