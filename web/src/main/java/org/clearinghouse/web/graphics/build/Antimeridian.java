package org.clearinghouse.web.graphics.build;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts rings that cross the 180th meridian (eastern Russia, Fiji) into one piece on each side.
 * Drawn as they are, such a ring would jump across the whole map; d3 clips them when projecting,
 * and this does the same for our build-time projection.
 */
final class Antimeridian {

    private Antimeridian() {}

    /** The ring itself when it does not cross; otherwise its pieces within longitudes -180 to 180. */
    static List<List<double[]>> split(List<double[]> ring) {
        if (!crosses(ring)) {
            return List.of(ring);
        }
        // Unwrap longitudes so that no edge is longer than half the world, then cut each copy
        // shifted by a full turn to the map's range.
        List<double[]> unwrapped = new ArrayList<>(ring.size());
        double offset = 0;
        double[] previous = null;
        for (double[] p : ring) {
            if (previous != null) {
                double delta = p[0] - previous[0];
                if (delta > 180) {
                    offset -= 360;
                } else if (delta < -180) {
                    offset += 360;
                }
            }
            unwrapped.add(new double[] {p[0] + offset, p[1]});
            previous = p;
        }
        if (Math.abs(offset) > 1e-9 && !closesAfterUnwrapping(unwrapped)) {
            throw new IllegalStateException("a ring around a pole cannot be cut at the antimeridian");
        }
        List<List<double[]>> pieces = new ArrayList<>();
        for (double shift : new double[] {-360, 0, 360}) {
            List<double[]> shifted = unwrapped.stream().map(p -> new double[] {p[0] + shift, p[1]}).toList();
            List<double[]> piece = clip(clip(shifted, 180, true), -180, false);
            if (piece.size() >= 3) {
                pieces.add(piece);
            }
        }
        return pieces;
    }

    private static boolean crosses(List<double[]> ring) {
        for (int i = 1; i < ring.size(); i++) {
            if (Math.abs(ring.get(i)[0] - ring.get(i - 1)[0]) > 180) {
                return true;
            }
        }
        return false;
    }

    private static boolean closesAfterUnwrapping(List<double[]> ring) {
        double[] first = ring.get(0);
        double[] last = ring.get(ring.size() - 1);
        return Math.abs(first[0] - last[0]) < 180;
    }

    /** Sutherland–Hodgman against one meridian: keeps longitudes at most (or at least) {@code limit}. */
    private static List<double[]> clip(List<double[]> ring, double limit, boolean keepBelow) {
        List<double[]> out = new ArrayList<>();
        int n = ring.size();
        for (int i = 0; i < n; i++) {
            double[] a = ring.get(i);
            double[] b = ring.get((i + 1) % n);
            boolean aIn = keepBelow ? a[0] <= limit : a[0] >= limit;
            boolean bIn = keepBelow ? b[0] <= limit : b[0] >= limit;
            if (aIn) {
                out.add(a);
            }
            if (aIn != bIn) {
                double t = (limit - a[0]) / (b[0] - a[0]);
                out.add(new double[] {limit, a[1] + t * (b[1] - a[1])});
            }
        }
        return out;
    }
}
