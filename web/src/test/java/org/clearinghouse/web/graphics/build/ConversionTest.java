package org.clearinghouse.web.graphics.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The steps of the build-time conversion of world-atlas's TopoJSON, on small hand-made shapes. */
class ConversionTest {

    @TempDir
    Path dir;

    @Test
    void topologyArcsAreDeltaDecodedTransformedAndJoinedBackwardsWhenNegative() throws IOException {
        // Arc 0 runs (0,0)->(2,0)->(2,2); arc 1 runs (0,0)->(0,2)->(2,2), walked backwards (~1 = -2).
        Path file = dir.resolve("t.json");
        Files.writeString(file, """
                {"type":"Topology","transform":{"scale":[0.5,0.25],"translate":[-10,20]},
                 "arcs":[[[0,0],[2,0],[0,2]],[[0,0],[0,2],[2,0]]],
                 "objects":{"countries":{"type":"GeometryCollection","geometries":[
                   {"type":"Polygon","id":"404","properties":{"name":"Kenya"},"arcs":[[0,-2]]},
                   {"type":"MultiPolygon","properties":{"name":"Kosovo"},"arcs":[[[0]],[[1]]]},
                   {"type":null,"id":"000"}]}}}
                """);
        List<TopoJson.Feature> features = TopoJson.countries(file);
        assertEquals(2, features.size());
        TopoJson.Feature kenya = features.get(0);
        assertEquals("404", kenya.numericId());
        List<double[]> ring = kenya.polygons().get(0).get(0);
        // x = q * 0.5 - 10, y = q * 0.25 + 20; the shared point (2,2) appears once.
        double[][] expected = {{-10, 20}, {-9, 20}, {-9, 20.5}, {-10, 20.5}, {-10, 20}};
        assertEquals(expected.length, ring.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], ring.get(i), 1e-12);
        }
        assertNull(features.get(1).numericId());
        assertEquals(2, features.get(1).polygons().size());
    }

    @Test
    void equalEarthMatchesItsPublishedFormula() {
        assertArrayEquals(new double[] {0, 0}, EqualEarth.project(0, 0), 1e-12);
        // At the equator x = lambda / (M * A1); at the pole theta = pi/3.
        assertEquals(Math.PI / (Math.sqrt(3) / 2 * 1.340264), EqualEarth.project(180, 0)[0], 1e-9);
        assertEquals(1.3173627591574, EqualEarth.project(0, 90)[1], 1e-9);
        assertArrayEquals(new double[] {-EqualEarth.project(30, 40)[0], -EqualEarth.project(30, 40)[1]},
                EqualEarth.project(-30, -40), 1e-12);
    }

    @Test
    void ringsCrossingTheAntimeridianAreCutIntoOnePieceOnEachSide() {
        List<double[]> ring = List.of(
                new double[] {170, 0}, new double[] {-170, 0}, new double[] {-170, 10}, new double[] {170, 10});
        List<List<double[]>> pieces = Antimeridian.split(ring);
        assertEquals(2, pieces.size());
        for (List<double[]> piece : pieces) {
            double min = piece.stream().mapToDouble(p -> p[0]).min().orElseThrow();
            double max = piece.stream().mapToDouble(p -> p[0]).max().orElseThrow();
            assertEquals(10, max - min, 1e-9); // each piece is 10 degrees wide, within -180..180
            assertEquals(true, min >= -180 && max <= 180);
        }
        List<double[]> plain = List.of(new double[] {1, 1}, new double[] {2, 1}, new double[] {2, 2});
        assertEquals(List.of(plain), Antimeridian.split(plain));
    }

    @Test
    void pathsUseRelativeLinesAndDropRepeatedPointsAndSlivers() {
        List<long[]> square = List.of(new long[] {10, 20}, new long[] {15, 20}, new long[] {15, 20},
                new long[] {15, 14}, new long[] {10, 14}, new long[] {10, 20});
        List<long[]> sliver = List.of(new long[] {1, 1}, new long[] {2, 2}, new long[] {3, 3});
        List<long[]> dot = List.of(new long[] {7, 7}, new long[] {7, 7}, new long[] {7, 7});
        assertEquals("M10 20l5 0 0-6-5 0z", SvgPath.of(List.of(square, sliver, dot)));
        assertEquals("", SvgPath.of(List.of(sliver, dot)));
    }
}
