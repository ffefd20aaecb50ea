package org.clearinghouse.server.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Latencies of one way of searching (or of publishing), in milliseconds. Percentiles are nearest-rank:
 * p99 of 600 samples is the 594th smallest.
 */
record Stats(int count, double p50, double p99, double mean, double max) {

    static Stats ofNanos(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Stats(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 99)),
                millis((long) Arrays.stream(sorted).average().orElse(0)), millis(sorted[sorted.length - 1]));
    }

    static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    String format() {
        return count == 0 ? "no samples" : String.format("p50 %8.2f ms   p99 %8.2f ms   mean %8.2f ms   max %8.2f ms   (n=%d)",
                p50, p99, mean, max, count);
    }
}
