package org.clearinghouse.server.limits;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.util.Locale;
import org.clearinghouse.server.auth.TooManyRequestsException;
import org.clearinghouse.server.config.RateLimitConfig;

/** The rate limits on writes and password logins ({@link RateLimitConfig}); each refusal is a 429 with Retry-After. */
public final class AbuseLimits {
    private final RateLimiter writesByAccount;
    private final RateLimiter writesByAddress;
    private final RateLimiter loginsByAddress;
    private final RateLimiter loginsByUsername;

    public AbuseLimits(RateLimitConfig config, TimeMeter time) {
        this.writesByAccount = new RateLimiter(config.writesPerAccount(), time);
        this.writesByAddress = new RateLimiter(config.writesPerAddress(), time);
        this.loginsByAddress = new RateLimiter(config.loginsPerAddress(), time);
        this.loginsByUsername = new RateLimiter(config.loginsPerUsername(), time);
    }

    /** Buckets refill as this clock moves (tests move it by hand). */
    public AbuseLimits(RateLimitConfig config, Clock clock) {
        this(config, new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        });
    }

    public void writeFromAddress(String address) {
        writesByAddress.tryAcquire(address).ifPresent(wait -> {
            throw new TooManyRequestsException("too many writes from your address; retry later", wait);
        });
    }

    public void writeByAccount(long accountId) {
        writesByAccount.tryAcquire(Long.toString(accountId)).ifPresent(wait -> {
            throw new TooManyRequestsException("too many writes by this account; retry later", wait);
        });
    }

    /** Counts a password login attempt against the address and the attempted username. */
    public void login(String address, String username) {
        loginsByAddress.tryAcquire(address).ifPresent(wait -> {
            throw new TooManyRequestsException("too many sign-in attempts from your address; retry later", wait);
        });
        String key = username == null ? "" : username.toLowerCase(Locale.ROOT);
        loginsByUsername.tryAcquire(key).ifPresent(wait -> {
            throw new TooManyRequestsException("too many sign-in attempts for this username; retry later", wait);
        });
    }
}
