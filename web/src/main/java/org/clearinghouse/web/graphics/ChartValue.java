package org.clearinghouse.web.graphics;

import java.util.Objects;

/**
 * One bar or column of a chart: its label (already localised), its value, and an optional link
 * (a path on this site, or null), such as the search narrowed to that region or year.
 */
public record ChartValue(String label, long value, String href) {

    public ChartValue {
        Objects.requireNonNull(label, "label");
        if (value < 0) {
            throw new IllegalArgumentException("value must not be negative: " + value);
        }
    }

    public static ChartValue of(String label, long value) {
        return new ChartValue(label, value, null);
    }
}
