package org.clearinghouse.server.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Bucket4j token bucket per key (an address, an account, a username): {@code perMinute} requests, refilled
 * continuously. The map is bounded (least recently used keys go first), so a flood of new keys cannot exhaust
 * memory; a forgotten key merely starts with a full bucket again.
 */
public final class RateLimiter {
    static final int MAX_KEYS = 100_000;

    private final long perMinute;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /** {@code perMinute} 0 allows everything. */
    public RateLimiter(long perMinute, TimeMeter time) {
        this.perMinute = perMinute;
        this.time = time;
    }

    /** Takes one request from the key's bucket: empty when allowed, else how long until one is available. */
    public Optional<Duration> tryAcquire(String key) {
        if (perMinute == 0) {
            return Optional.empty();
        }
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .withCustomTimePrecision(time)
                    .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
