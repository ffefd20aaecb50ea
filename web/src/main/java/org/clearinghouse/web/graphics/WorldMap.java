package org.clearinghouse.web.graphics;

import java.text.Collator;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The world choropleth of the home page: inline SVG of Natural Earth country shapes (Equal Earth
 * projection) coloured in up to five classes of record counts, with a text legend.
 *
 * <p>Each country with records is a link ({@code <a href>}) whose accessible name (an
 * {@code aria-label} and a {@code <title>}, which is also the mouse tooltip) is given by the caller
 * and should include the count; links come in the order of their names. Countries without records
 * are drawn in grey, hidden from assistive technology and not focusable. Countries too small for
 * the shapes (Singapore, Malta, small islands) appear as a dot when they have records.
 *
 * <p>CSS hooks (no inline styles, so a strict Content-Security-Policy holds): the root has class
 * {@code world-map}, a country link class {@code wm-1} to {@code wm-5} (fewest to most records),
 * the legend class {@code world-map-legend}. A visible focus style such as
 * {@code .world-map a:focus-visible path, .world-map a:focus-visible circle { stroke: #000; stroke-width: 2.5 }}
 * belongs in the site's stylesheet. The map is as wide as its container ({@code width="100%"}).
 */
public final class WorldMap {

    /**
     * Where a country links to and its accessible name, already localised, such as "Kenya: 12 records".
     * The link must be a site path ("/fr/countries/ke"), a query ("?country=ke"), a fragment or an
     * http(s) address; anything else (such as {@code javascript:}) makes {@code render} throw.
     */
    public record Link(String href, String name) {
        public Link {
            Objects.requireNonNull(href, "href");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Gives the link of a country with records, from its upper-case ISO 3166-1 alpha-2 code and its count. */
    @FunctionalInterface
    public interface Linker {
        Link link(String code, long count);
    }

    /**
     * The map's texts, localised by the caller.
     *
     * @param id           unique on the page; prefixes the ids of the title and description
     * @param title        short title, such as "Records per country"
     * @param description  one or two sentences saying what the colours mean
     * @param legendTitle  heading of the legend, such as "Records"
     * @param noData       legend label of grey countries, such as "None yet"
     * @param locale       formats the legend's numbers and orders the links by name
     */
    public record Text(String id, String title, String description, String legendTitle, String noData, Locale locale) {
        public Text {
            Xml.id(id);
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(legendTitle, "legendTitle");
            Objects.requireNonNull(noData, "noData");
            Objects.requireNonNull(locale, "locale");
        }
    }

    static final String NO_DATA_FILL = "#e0e0e0";
    private static final int LEGEND_FONT = 20;
    private static final int LEGEND_ROW = 34;
    private static final int MARKER_RADIUS = 5;

    private WorldMap() {}

    /**
     * Renders the map.
     *
     * @param counts records per country, keyed by ISO 3166-1 alpha-2 code in either case; counts
     *               below 1 and codes without a shape are left out of the picture
     * @param linker the link and accessible name of each country that has records
     * @param text   title, description and legend texts
     */
    public static Svg render(Map<String, ? extends Number> counts, Linker linker, Text text) {
        WorldShapes shapes = WorldShapes.get();
        Map<String, Long> shown = new TreeMap<>();
        counts.forEach((code, count) -> {
            String key = code.toUpperCase(Locale.ROOT);
            if (count != null && count.longValue() > 0
                    && (shapes.paths.containsKey(key) || shapes.markers.containsKey(key))) {
                shown.merge(key, count.longValue(), Long::sum);
            }
        });
        ColourScale scale = ColourScale.upTo(shown.values().stream().mapToLong(Long::longValue).max().orElse(1));
        NumberFormat numbers = NumberFormat.getIntegerInstance(text.locale());

        record Country(String code, long count, Link link) {}
        List<Country> linked = new ArrayList<>();
        shown.forEach((code, count) -> linked.add(new Country(code, count, linker.link(code, count))));
        Collator collator = Collator.getInstance(text.locale());
        linked.sort(Comparator.comparing((Country c) -> c.link().name(), collator).thenComparing(Country::code));

        String id = text.id();
        List<String[]> legend = legendItems(shown.isEmpty() ? null : scale, numbers, text.noData());
        List<int[]> positions = layout(text.legendTitle(), legend, shapes.width);
        int legendRows = positions.stream().mapToInt(p -> p[1]).max().orElse(0) + 1;
        int height = shapes.height + 12 + legendRows * LEGEND_ROW;

        StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(shapes.width).append(' ')
                .append(height).append("\" width=\"100%\" class=\"world-map\" role=\"group\" aria-labelledby=\"")
                .append(id).append("-title\" aria-describedby=\"").append(id).append("-desc\" direction=\"ltr\">");
        svg.append("<title id=\"").append(id).append("-title\">").append(Xml.escape(text.title())).append("</title>");
        svg.append("<desc id=\"").append(id).append("-desc\">").append(Xml.escape(text.description())).append("</desc>");

        svg.append("<g stroke=\"#fff\" stroke-width=\".5\" stroke-linejoin=\"round\">");
        svg.append("<g fill=\"").append(NO_DATA_FILL).append("\" aria-hidden=\"true\">");
        shapes.paths.forEach((code, d) -> {
            if (!shown.containsKey(code)) {
                svg.append("<path d=\"").append(d).append("\"/>");
            }
        });
        svg.append("</g>");
        for (Country country : linked) {
            int k = scale.classOf(country.count());
            String name = Xml.escape(country.link().name());
            svg.append("<a href=\"").append(Xml.href(country.link().href())).append("\" class=\"wm-").append(k)
                    .append("\" fill=\"").append(scale.colour(k)).append("\" aria-label=\"").append(name)
                    .append("\"><title>").append(name).append("</title>");
            String d = shapes.paths.get(country.code());
            if (d != null) {
                svg.append("<path d=\"").append(d).append("\"/>");
            } else {
                WorldShapes.Point p = shapes.markers.get(country.code());
                svg.append("<circle cx=\"").append(p.x()).append("\" cy=\"").append(p.y()).append("\" r=\"")
                        .append(MARKER_RADIUS).append("\"/>");
            }
            svg.append("</a>");
        }
        svg.append("</g>");

        appendLegend(svg, positions, shapes.height + 12, text.legendTitle(), legend);
        svg.append("</svg>");
        return new Svg(svg.toString());
    }

    /** Pairs of fill and label: grey "none" first, then each class (none when nothing is counted). */
    private static List<String[]> legendItems(ColourScale scale, NumberFormat numbers, String noData) {
        List<String[]> items = new ArrayList<>();
        items.add(new String[] {NO_DATA_FILL, noData});
        for (int k = 1; scale != null && k <= scale.classes(); k++) {
            items.add(new String[] {scale.colour(k), scale.label(k, numbers)});
        }
        return items;
    }

    /** Text is not measured on the server: a generous estimate of its width keeps items apart. */
    private static int estimatedWidth(String label) {
        int width = 0;
        for (int i = 0; i < label.length(); ) {
            int c = label.codePointAt(i);
            // Ideographs are about twice as wide as Latin, Arabic or Cyrillic letters.
            width += Character.isIdeographic(c) ? LEGEND_FONT : LEGEND_FONT * 6 / 10;
            i += Character.charCount(c);
        }
        return width;
    }

    private static int itemWidth(String label) {
        return 30 + estimatedWidth(label) + 28;
    }

    /** The x position and row of the title (index 0) and of each item. */
    private static List<int[]> layout(String title, List<String[]> items, int width) {
        List<int[]> positions = new ArrayList<>();
        int x = 10;
        int row = 0;
        positions.add(new int[] {x, row});
        x += estimatedWidth(title) + 24;
        for (String[] item : items) {
            int w = itemWidth(item[1]);
            if (x + w > width - 10) {
                row++;
                x = 10;
            }
            positions.add(new int[] {x, row});
            x += w;
        }
        return positions;
    }

    private static void appendLegend(StringBuilder svg, List<int[]> positions, int top, String title, List<String[]> items) {
        svg.append("<g class=\"world-map-legend\" font-size=\"").append(LEGEND_FONT).append("\" aria-hidden=\"true\">");
        int[] t = positions.get(0);
        SvgText.append(svg, t[0], top + t[1] * LEGEND_ROW + 21, SvgText.Align.LEFT, title,
                "fill=\"currentColor\" font-weight=\"bold\"");
        for (int i = 0; i < items.size(); i++) {
            int[] p = positions.get(i + 1);
            int y = top + p[1] * LEGEND_ROW;
            svg.append("<rect x=\"").append(p[0]).append("\" y=\"").append(y + 4).append("\" width=\"22\" height=\"22\" fill=\"")
                    .append(items.get(i)[0]).append("\" stroke=\"#767676\"/>");
            SvgText.append(svg, p[0] + 30, y + 21, SvgText.Align.LEFT, items.get(i)[1], "fill=\"currentColor\"");
        }
        svg.append("</g>");
    }
}
