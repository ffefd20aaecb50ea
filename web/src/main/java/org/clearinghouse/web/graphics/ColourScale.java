package org.clearinghouse.web.graphics;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Up to five classes of counts with round lower bounds (1, 2, 5, 10, 20, 50, ...), spaced
 * geometrically up to the largest count, because catalogue counts are skewed: a few countries hold
 * most records. Class 1 is the lightest; the colours run from light to dark blue and each class is
 * also named in the legend and in every country's accessible name, so colour is never the only cue.
 */
final class ColourScale {

    /** Blues, light to dark (ColorBrewer "Blues", colour-blind safe); the darkest carries white text well. */
    private static final String[] COLOURS = {"#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"};

    static final int MAX_CLASSES = COLOURS.length;

    private final long[] lowerBounds;
    private final long max;

    private ColourScale(long[] lowerBounds, long max) {
        this.lowerBounds = lowerBounds;
        this.max = max;
    }

    /** The scale for counts whose largest is {@code max} (at least 1). */
    static ColourScale upTo(long max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        List<Long> bounds = new ArrayList<>();
        bounds.add(1L);
        if (max <= MAX_CLASSES) {
            for (long v = 2; v <= max; v++) {
                bounds.add(v);
            }
        } else {
            for (int k = 1; k < MAX_CLASSES; k++) {
                long nice = nearestNice(Math.pow(max, (double) k / MAX_CLASSES));
                long previous = bounds.get(bounds.size() - 1);
                while (nice <= previous) {
                    nice = nextNice(nice);
                }
                if (nice > max) {
                    break;
                }
                bounds.add(nice);
            }
        }
        return new ColourScale(bounds.stream().mapToLong(Long::longValue).toArray(), max);
    }

    int classes() {
        return lowerBounds.length;
    }

    /** The class (1 = fewest) of a count between 1 and the scale's maximum. */
    int classOf(long count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        int k = 0;
        while (k + 1 < lowerBounds.length && count >= lowerBounds[k + 1]) {
            k++;
        }
        return k + 1;
    }

    /** The colour of a class: with fewer than five classes, the darker end of the ramp. */
    String colour(int k) {
        return COLOURS[MAX_CLASSES - lowerBounds.length + k - 1];
    }

    /** The legend text of a class, such as "5–19", or "7" for a class of one value. */
    String label(int k, NumberFormat format) {
        long low = lowerBounds[k - 1];
        long high = k < lowerBounds.length ? lowerBounds[k] - 1 : max;
        return low == high ? format.format(low) : format.format(low) + "–" + format.format(high);
    }

    private static long nearestNice(double value) {
        long candidate = 1;
        long best = 1;
        double bestDistance = Double.MAX_VALUE;
        while (candidate <= value * 10) {
            double distance = Math.abs(Math.log(candidate / value));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
            candidate = nextNice(candidate);
        }
        return best;
    }

    /** 1, 2, 5, 10, 20, 50, ... */
    private static long nextNice(long nice) {
        long magnitude = 1;
        while (magnitude * 10 <= nice) {
            magnitude *= 10;
        }
        long digit = nice / magnitude;
        return digit == 1 ? 2 * magnitude : digit == 2 ? 5 * magnitude : 10 * magnitude;
    }
}
