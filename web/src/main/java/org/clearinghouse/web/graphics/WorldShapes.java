package org.clearinghouse.web.graphics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The country shapes converted at build time ({@code world-shapes.txt}, written by
 * {@link org.clearinghouse.web.graphics.build.WorldShapesConverter}): SVG path data per ISO 3166-1
 * alpha-2 code, and a centre point for countries too small to draw at this scale.
 */
final class WorldShapes {

    record Point(int x, int y) {}

    private static final WorldShapes INSTANCE = load();

    final int width;
    final int height;
    /** Alpha-2 code (upper case) to path data, by code. */
    final Map<String, String> paths;
    /** Alpha-2 code (upper case) to the centre of a country with no drawable shape, by code. */
    final Map<String, Point> markers;

    private WorldShapes(int width, int height, Map<String, String> paths, Map<String, Point> markers) {
        this.width = width;
        this.height = height;
        this.paths = Collections.unmodifiableMap(paths);
        this.markers = Collections.unmodifiableMap(markers);
    }

    static WorldShapes get() {
        return INSTANCE;
    }

    private static WorldShapes load() {
        InputStream in = WorldShapes.class.getResourceAsStream("world-shapes.txt");
        if (in == null) {
            throw new IllegalStateException("world-shapes.txt is missing: the web module's build converts it from world-atlas");
        }
        int width = 0;
        int height = 0;
        Map<String, String> paths = new LinkedHashMap<>();
        Map<String, Point> markers = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(" ", 3);
                switch (f[0]) {
                    case "V" -> {
                        width = Integer.parseInt(f[1]);
                        height = Integer.parseInt(f[2]);
                    }
                    case "P" -> paths.put(f[1], f[2]);
                    case "C" -> {
                        String[] xy = f[2].split(" ");
                        markers.put(f[1], new Point(Integer.parseInt(xy[0]), Integer.parseInt(xy[1])));
                    }
                    default -> { } // comments
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WorldShapes(width, height, paths, markers);
    }
}
