package org.clearinghouse.web.graphics;

import java.text.NumberFormat;
import java.util.List;

/**
 * Horizontal bars, one row each: the label above its bar, the value just after the bar's end. For
 * categories with long names (regions, resource types, themes). Laid out left to right whatever
 * the page's direction; right-to-left labels read correctly (see {@link SvgText}).
 *
 * <p>The chart is 400 units wide and scales to its container ({@code width="100%"}): cap its width
 * in CSS (root class {@code bar-chart}) so the 14-unit text stays near the body text's size.
 * Labels longer than 48 characters are shortened on screen; the full label is in the text
 * alternative and in each link's name.
 */
public final class BarChart {

    static final int WIDTH = 400;
    static final int ROW = 44;
    static final int BAR_HEIGHT = 16;
    static final int FONT = 14;
    /** Room kept after the longest bar for its value. */
    static final int VALUE_ROOM = 56;
    static final int MAX_LABEL = 48;

    private BarChart() {}

    /**
     * Renders the bars in the given order.
     *
     * @param values bars, top to bottom
     * @param text   id, title, description and locale
     */
    public static Svg render(List<ChartValue> values, ChartText text) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(text.locale());
        long max = values.stream().mapToLong(ChartValue::value).max().orElse(0);
        int height = values.size() * ROW + 4;
        StringBuilder svg = new StringBuilder(256 + values.size() * 256);
        Charts.open(svg, "bar-chart", WIDTH, height, FONT, text, values, numbers);
        for (int i = 0; i < values.size(); i++) {
            ChartValue value = values.get(i);
            int top = i * ROW;
            double length = max == 0 ? 0 : (double) value.value() * (WIDTH - VALUE_ROOM) / max;
            boolean link = Charts.openLink(svg, value, numbers);
            SvgText.append(svg, 0, top + 16, SvgText.Align.LEFT, SvgText.shorten(value.label(), MAX_LABEL),
                    "fill=\"currentColor\"");
            svg.append("<rect x=\"0\" y=\"").append(top + 22).append("\" width=\"").append(SvgText.number(length))
                    .append("\" height=\"").append(BAR_HEIGHT).append("\" fill=\"").append(Charts.BAR_FILL).append("\"/>");
            SvgText.append(svg, length + 6, top + 22 + 13, SvgText.Align.LEFT, numbers.format(value.value()),
                    "fill=\"currentColor\"");
            if (link) {
                svg.append("</a>");
            }
        }
        svg.append("</svg>");
        return new Svg(svg.toString());
    }
}
