package org.clearinghouse.web.graphics;

import java.util.Objects;

/**
 * One bar or column of a chart: its label (already localised), its value, and an optional link
 * (a site path such as "/en/search?region=africa", a query, a fragment or an http(s) address; or
 * null), such as the search narrowed to that region or year. Other links make the chart throw.
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
