package org.clearinghouse.web.graphics;

import java.text.NumberFormat;
import java.util.List;

/** What the bar and column charts share: the opening with title and text alternative, and links. */
final class Charts {

    static final String BAR_FILL = "#2b6cb0";
    static final String AXIS = "#767676";

    private Charts() {}

    /**
     * Opens the root element. Without links the chart is one image ({@code role="img"}) whose
     * description lists every value; with links it is a group, because an image's content is hidden
     * from assistive technology and its links would be unreachable.
     */
    static void open(StringBuilder svg, String cssClass, int width, int height, int fontSize,
                     ChartText text, List<ChartValue> values, NumberFormat numbers) {
        boolean linked = values.stream().anyMatch(v -> v.href() != null);
        String id = text.id();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"100%\" class=\"").append(cssClass).append("\" role=\"").append(linked ? "group" : "img")
                .append("\" aria-labelledby=\"").append(id).append("-title\" aria-describedby=\"").append(id)
                .append("-desc\" direction=\"ltr\" font-size=\"").append(fontSize).append("\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(Xml.escape(text.title())).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(Xml.escape(alternative(text, values, numbers)))
                .append("</desc>");
    }

    /** The description followed by every value, such as "… Africa: 12; Asia and the Pacific: 30." */
    static String alternative(ChartText text, List<ChartValue> values, NumberFormat numbers) {
        StringBuilder out = new StringBuilder(text.description().strip());
        if (!values.isEmpty()) {
            if (out.length() > 0) {
                out.append(' ');
            }
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append("; ");
                }
                out.append(name(values.get(i), numbers));
            }
            out.append('.');
        }
        return out.toString();
    }

    static String name(ChartValue value, NumberFormat numbers) {
        return value.label() + ": " + numbers.format(value.value());
    }

    /**
     * Opens a link around one bar or column when it has one; returns whether it did. The link is
     * named by its {@code <title>} ("label: value", also the tooltip), not by {@code aria-label}:
     * its visible texts are inside it, and a name that differs from them would fail WCAG 2.5.3.
     */
    static boolean openLink(StringBuilder svg, ChartValue value, NumberFormat numbers) {
        if (value.href() == null) {
            return false;
        }
        svg.append("<a href=\"").append(Xml.href(value.href())).append("\"><title>")
                .append(Xml.escape(name(value, numbers))).append("</title>");
        return true;
    }
}
