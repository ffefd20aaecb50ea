package org.clearinghouse.web.graphics.build;

import java.util.ArrayList;
import java.util.List;

/** Writes rings of whole-unit points as compact SVG path data: an absolute move, then relative lines. */
final class SvgPath {

    private SvgPath() {}

    /** The path data of the rings that keep an area once rounded; empty when none does. */
    static String of(List<List<long[]>> rings) {
        StringBuilder d = new StringBuilder();
        for (List<long[]> ring : rings) {
            List<long[]> points = withoutRepeats(ring);
            if (points.size() < 3 || area2(points) == 0) {
                continue; // a sliver or a dot at this resolution
            }
            long[] first = points.get(0);
            d.append('M').append(first[0]);
            number(d, first[1]);
            d.append('l');
            long[] previous = first;
            for (int i = 1; i < points.size(); i++) {
                long[] p = points.get(i);
                if (i > 1) {
                    number(d, p[0] - previous[0]);
                } else {
                    d.append(p[0] - previous[0]);
                }
                number(d, p[1] - previous[1]);
                previous = p;
            }
            d.append('z');
        }
        return d.toString();
    }

    /** Appends a number after another: a minus sign separates them by itself. */
    private static void number(StringBuilder d, long value) {
        if (value >= 0) {
            d.append(' ');
        }
        d.append(value);
    }

    private static List<long[]> withoutRepeats(List<long[]> ring) {
        List<long[]> points = new ArrayList<>();
        for (long[] p : ring) {
            long[] last = points.isEmpty() ? null : points.get(points.size() - 1);
            if (last == null || last[0] != p[0] || last[1] != p[1]) {
                points.add(p);
            }
        }
        while (points.size() > 1 && same(points.get(0), points.get(points.size() - 1))) {
            points.remove(points.size() - 1); // 'z' closes the ring
        }
        return points;
    }

    private static boolean same(long[] a, long[] b) {
        return a[0] == b[0] && a[1] == b[1];
    }

    private static long area2(List<long[]> ring) {
        long sum = 0;
        for (int i = 0; i < ring.size(); i++) {
            long[] a = ring.get(i);
            long[] b = ring.get((i + 1) % ring.size());
            sum += a[0] * b[1] - b[0] * a[1];
        }
        return sum;
    }
}
