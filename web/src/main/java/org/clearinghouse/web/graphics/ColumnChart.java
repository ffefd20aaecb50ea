package org.clearinghouse.web.graphics;

import java.text.NumberFormat;
import java.util.List;

/**
 * Vertical columns over short labels, such as records per year: the value above each column, the
 * label below the axis. Labels are thinned out (every second, third, ... one shown) when they
 * would not fit side by side; every label and value stays in the text alternative.
 *
 * <p>At least 400 units wide, 28 more per column past fourteen, scaled to its container
 * ({@code width="100%"}, root class {@code column-chart}). Laid out left to right whatever the
 * page's direction, like a time axis in every language of the site.
 */
public final class ColumnChart {

    static final int MIN_WIDTH = 400;
    static final int MIN_STEP = 28;
    static final int MARGIN = 10;
    static final int PLOT_TOP = 18;
    static final int PLOT_HEIGHT = 150;
    static final int FONT = 11;

    private ColumnChart() {}

    /**
     * Renders the columns in the given order, left to right (for years: oldest first).
     *
     * @param values columns, left to right
     * @param text   id, title, description and locale
     */
    public static Svg render(List<ChartValue> values, ChartText text) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(text.locale());
        int n = values.size();
        int width = Math.max(MIN_WIDTH, n * MIN_STEP + 2 * MARGIN);
        double step = n == 0 ? 0 : (double) (width - 2 * MARGIN) / n;
        double columnWidth = step * 0.7;
        int baseline = PLOT_TOP + PLOT_HEIGHT;
        int height = baseline + 24;
        long max = values.stream().mapToLong(ChartValue::value).max().orElse(0);
        int every = labelInterval(values, step);

        StringBuilder svg = new StringBuilder(256 + n * 256);
        Charts.open(svg, "column-chart", width, height, FONT, text, values, numbers);
        svg.append("<path d=\"M").append(MARGIN).append(' ').append(baseline).append('H').append(width - MARGIN)
                .append("\" stroke=\"").append(Charts.AXIS).append("\"/>");
        for (int i = 0; i < n; i++) {
            ChartValue value = values.get(i);
            double x = MARGIN + i * step + (step - columnWidth) / 2;
            double centre = x + columnWidth / 2;
            double columnHeight = max == 0 ? 0 : (double) value.value() * PLOT_HEIGHT / max;
            double top = baseline - columnHeight;
            boolean link = Charts.openLink(svg, value, numbers);
            svg.append("<rect x=\"").append(SvgText.number(x)).append("\" y=\"").append(SvgText.number(top))
                    .append("\" width=\"").append(SvgText.number(columnWidth)).append("\" height=\"")
                    .append(SvgText.number(columnHeight)).append("\" fill=\"").append(Charts.BAR_FILL).append("\"/>");
            if ((n - 1 - i) % every == 0) { // counted from the right: the latest year always has its label
                SvgText.append(svg, centre, baseline + 16, SvgText.Align.CENTRE, value.label(), "fill=\"currentColor\"");
            }
            SvgText.append(svg, centre, top - 4, SvgText.Align.CENTRE, numbers.format(value.value()), "fill=\"currentColor\"");
            if (link) {
                svg.append("</a>");
            }
        }
        svg.append("</svg>");
        return new Svg(svg.toString());
    }

    /** Show every k-th label so that labels (about 0.6 em per character) keep apart. */
    private static int labelInterval(List<ChartValue> values, double step) {
        int longest = values.stream().mapToInt(v -> v.label().codePointCount(0, v.label().length())).max().orElse(0);
        double needed = longest * FONT * 0.6 + 4;
        return step <= 0 ? 1 : Math.max(1, (int) Math.ceil(needed / step));
    }
}
