package org.clearinghouse.web.graphics.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the countries of a TopoJSON topology (https://github.com/topojson/topojson-specification):
 * quantized, delta-encoded arcs shared between neighbours, and polygons that list arc indexes
 * (a negative index {@code ~i} means arc {@code i} walked backwards).
 */
final class TopoJson {

    /** One country feature: its ISO 3166-1 numeric id (null when it has none), name, and polygons of rings of [lon, lat]. */
    record Feature(String numericId, String name, List<List<List<double[]>>> polygons) {}

    private TopoJson() {}

    static List<Feature> countries(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<List<double[]>> arcs = decodeArcs(root);
        List<Feature> features = new ArrayList<>();
        for (JsonNode geometry : root.path("objects").path("countries").path("geometries")) {
            String type = geometry.path("type").asText();
            List<List<List<double[]>>> polygons = new ArrayList<>();
            if (type.equals("Polygon")) {
                polygons.add(polygon(geometry.path("arcs"), arcs));
            } else if (type.equals("MultiPolygon")) {
                for (JsonNode polygon : geometry.path("arcs")) {
                    polygons.add(polygon(polygon, arcs));
                }
            } else {
                continue; // null geometries carry no shape
            }
            String id = geometry.hasNonNull("id") ? geometry.get("id").asText() : null;
            features.add(new Feature(id, geometry.path("properties").path("name").asText(), polygons));
        }
        return features;
    }

    private static List<List<double[]>> decodeArcs(JsonNode root) {
        JsonNode transform = root.path("transform");
        if (transform.isMissingNode()) {
            throw new IllegalArgumentException("expected a quantized topology with a transform");
        }
        double sx = transform.path("scale").get(0).asDouble();
        double sy = transform.path("scale").get(1).asDouble();
        double tx = transform.path("translate").get(0).asDouble();
        double ty = transform.path("translate").get(1).asDouble();
        List<List<double[]>> arcs = new ArrayList<>();
        for (JsonNode arc : root.path("arcs")) {
            List<double[]> points = new ArrayList<>(arc.size());
            long x = 0;
            long y = 0;
            for (JsonNode delta : arc) {
                x += delta.get(0).asLong();
                y += delta.get(1).asLong();
                points.add(new double[] {x * sx + tx, y * sy + ty});
            }
            arcs.add(points);
        }
        return arcs;
    }

    private static List<List<double[]>> polygon(JsonNode rings, List<List<double[]>> arcs) {
        List<List<double[]>> polygon = new ArrayList<>();
        for (JsonNode ring : rings) {
            List<double[]> points = new ArrayList<>();
            for (JsonNode index : ring) {
                int i = index.asInt();
                List<double[]> arc = arcs.get(i >= 0 ? i : ~i);
                // Consecutive arcs share their meeting point: keep it once.
                int start = points.isEmpty() ? 0 : 1;
                for (int k = start; k < arc.size(); k++) {
                    points.add(arc.get(i >= 0 ? k : arc.size() - 1 - k));
                }
            }
            polygon.add(points);
        }
        return polygon;
    }
}
