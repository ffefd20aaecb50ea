package org.clearinghouse.web.graphics.build;

import com.ibm.icu.util.Region;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Build step (run by exec-maven-plugin after compile): converts the Natural Earth country shapes of
 * the {@code world-atlas} package (TopoJSON) into {@code world-shapes.txt}, one SVG path per
 * ISO 3166-1 alpha-2 code, projected with Equal Earth and rounded to whole units of the view box.
 * Countries too small for the 1:110m shapes get a marker at their centre, taken from the 1:10m shapes,
 * or from {@link #CENTRES} for the few territories Natural Earth draws as part of another country.
 *
 * <p>Arguments: the 1:110m TopoJSON file, the 1:10m TopoJSON file, the output file.
 */
public final class WorldShapesConverter {

    /** Width of the view box; whole units of it are about 40 km at the equator, enough for a page-wide map. */
    static final double WIDTH = 1000;

    /** Features without a numeric code in world-atlas, by their Natural Earth name. */
    private static final Map<String, String> UNCODED = Map.of(
            // The United Nations count these as parts of Cyprus and Somalia: drawn with them.
            "N. Cyprus", "CY",
            "Somaliland", "SO",
            // Not in ISO 3166-1; XK is the user-assigned code in common use. Drawn, linked only if counted.
            "Kosovo", "XK");

    /**
     * Approximate centres (longitude, latitude in degrees) of ISO 3166-1 territories that Natural
     * Earth's country shapes include in another country (French overseas departments in France,
     * Caribbean Netherlands in the Netherlands, Australia's and Norway's islands), so that a record
     * about them still shows on the map.
     */
    private static final Map<String, double[]> CENTRES = Map.ofEntries(
            Map.entry("GF", new double[] {-53.1, 3.9}),
            Map.entry("GP", new double[] {-61.55, 16.25}),
            Map.entry("MQ", new double[] {-61.0, 14.65}),
            Map.entry("RE", new double[] {55.53, -21.13}),
            Map.entry("YT", new double[] {45.15, -12.83}),
            Map.entry("BQ", new double[] {-68.27, 12.18}),
            Map.entry("CC", new double[] {96.87, -12.16}),
            Map.entry("CX", new double[] {105.69, -10.49}),
            Map.entry("TK", new double[] {-171.85, -9.2}),
            Map.entry("SJ", new double[] {16.0, 78.5}),
            Map.entry("BV", new double[] {3.4, -54.43}));

    /** Antarctica would take a fifth of the height and never hold an education policy. */
    private static final String ANTARCTICA = "010";

    private WorldShapesConverter() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: WorldShapesConverter countries-110m.json countries-10m.json out.txt");
        }
        Path coarse = Path.of(args[0]);
        Path detailed = Path.of(args[1]);
        Path out = Path.of(args[2]);

        Map<String, List<List<double[]>>> rings = new TreeMap<>(); // alpha-2 -> projected rings
        for (TopoJson.Feature feature : TopoJson.countries(coarse)) {
            String code = alpha2(feature);
            if (code == null) {
                continue;
            }
            List<List<double[]>> target = rings.computeIfAbsent(code, c -> new ArrayList<>());
            for (List<List<double[]>> polygon : feature.polygons()) {
                for (List<double[]> ring : polygon) {
                    for (List<double[]> piece : Antimeridian.split(ring)) {
                        target.add(piece.stream().map(p -> EqualEarth.project(p[0], p[1])).toList());
                    }
                }
            }
        }

        Frame frame = Frame.around(rings.values());
        Map<String, String> paths = new TreeMap<>();
        Map<String, long[]> markers = new TreeMap<>();
        rings.forEach((code, projected) -> {
            String d = SvgPath.of(projected.stream().map(frame::toScreen).toList());
            if (d.isEmpty()) {
                markers.put(code, frame.toScreen(List.of(centre(projected))).get(0));
            } else {
                paths.put(code, d);
            }
        });
        for (TopoJson.Feature feature : TopoJson.countries(detailed)) {
            String code = alpha2(feature);
            if (code == null || rings.containsKey(code) || markers.containsKey(code)) {
                continue;
            }
            List<double[]> largest = largestRing(feature);
            double[] centre = centre(List.of(largest.stream().map(p -> EqualEarth.project(p[0], p[1])).toList()));
            markers.put(code, frame.toScreen(List.of(centre)).get(0));
        }
        CENTRES.forEach((code, lonLat) -> markers.putIfAbsent(
                code, frame.toScreen(List.of(EqualEarth.project(lonLat[0], lonLat[1]))).get(0)));

        Files.createDirectories(out.getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("# Natural Earth 1:110m (public domain) from the world-atlas package, Equal Earth projection;"
                    + " generated at build time by WorldShapesConverter. V: view box, P: path, C: marker\n");
            w.write("V " + frame.width() + " " + frame.height() + "\n");
            for (Map.Entry<String, String> e : paths.entrySet()) {
                w.write("P " + e.getKey() + " " + e.getValue() + "\n");
            }
            for (Map.Entry<String, long[]> e : markers.entrySet()) {
                w.write("C " + e.getKey() + " " + e.getValue()[0] + " " + e.getValue()[1] + "\n");
            }
        }
        System.out.printf("world shapes: %d paths, %d markers, %d bytes -> %s%n",
                paths.size(), markers.size(), Files.size(out), out);
    }

    private static String alpha2(TopoJson.Feature feature) {
        if (feature.numericId() == null) {
            return UNCODED.get(feature.name());
        }
        if (feature.numericId().equals(ANTARCTICA)) {
            return null;
        }
        Region region = Region.getInstance(Integer.parseInt(feature.numericId()));
        if (region.getType() != Region.RegionType.TERRITORY || !region.toString().matches("[A-Z]{2}")) {
            throw new IllegalStateException("no ISO 3166-1 country for " + feature.numericId() + " " + feature.name());
        }
        return region.toString();
    }

    private static List<double[]> largestRing(TopoJson.Feature feature) {
        List<double[]> largest = List.of();
        double largestArea = -1;
        for (List<List<double[]>> polygon : feature.polygons()) {
            double area = Math.abs(signedArea(polygon.get(0)));
            if (area > largestArea) {
                largestArea = area;
                largest = polygon.get(0);
            }
        }
        return largest;
    }

    /** Area-weighted centre of the largest ring; its mean point when the ring has no area. */
    private static double[] centre(List<List<double[]>> rings) {
        List<double[]> ring = rings.stream()
                .max((a, b) -> Double.compare(Math.abs(signedArea(a)), Math.abs(signedArea(b))))
                .orElseThrow();
        double area = signedArea(ring);
        double cx = 0;
        double cy = 0;
        if (Math.abs(area) < 1e-12) {
            for (double[] p : ring) {
                cx += p[0] / ring.size();
                cy += p[1] / ring.size();
            }
            return new double[] {cx, cy};
        }
        for (int i = 0; i < ring.size(); i++) {
            double[] a = ring.get(i);
            double[] b = ring.get((i + 1) % ring.size());
            double cross = a[0] * b[1] - b[0] * a[1];
            cx += (a[0] + b[0]) * cross;
            cy += (a[1] + b[1]) * cross;
        }
        return new double[] {cx / (6 * area), cy / (6 * area)};
    }

    static double signedArea(List<double[]> ring) {
        double sum = 0;
        for (int i = 0; i < ring.size(); i++) {
            double[] a = ring.get(i);
            double[] b = ring.get((i + 1) % ring.size());
            sum += a[0] * b[1] - b[0] * a[1];
        }
        return sum / 2;
    }

    /** Maps projected coordinates to whole view-box units, y downwards, with the map's bounds at the edges. */
    private record Frame(double minX, double maxY, double scale, long width, long height) {

        static Frame around(Iterable<List<List<double[]>>> all) {
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (List<List<double[]>> rings : all) {
                for (List<double[]> ring : rings) {
                    for (double[] p : ring) {
                        minX = Math.min(minX, p[0]);
                        maxX = Math.max(maxX, p[0]);
                        minY = Math.min(minY, p[1]);
                        maxY = Math.max(maxY, p[1]);
                    }
                }
            }
            double scale = WIDTH / (maxX - minX);
            return new Frame(minX, maxY, scale, Math.round(WIDTH), Math.round((maxY - minY) * scale));
        }

        List<long[]> toScreen(List<double[]> ring) {
            return ring.stream()
                    .map(p -> new long[] {Math.round((p[0] - minX) * scale), Math.round((maxY - p[1]) * scale)})
                    .toList();
        }
    }
}
