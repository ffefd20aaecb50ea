package org.clearinghouse.server.config;

import java.util.Map;

/**
 * Abuse limits, each a number of requests per minute (token buckets refilled continuously; 0 turns a limit off):
 * <ul>
 *   <li>{@code CLEARINGHOUSE_RATE_WRITES_PER_ACCOUNT} (default 120): POST, PUT, PATCH and DELETE under
 *   {@code /api/v1} by one account, whichever token or session it uses;</li>
 *   <li>{@code CLEARINGHOUSE_RATE_WRITES_PER_ADDRESS} (default 300): the same writes from one client address,
 *   signed in or not;</li>
 *   <li>{@code CLEARINGHOUSE_RATE_LOGINS_PER_ADDRESS} (default 20) and {@code CLEARINGHOUSE_RATE_LOGINS_PER_USERNAME}
 *   (default 10): password logins (session sign-in and HTTP Basic) from one address, and for one username.</li>
 * </ul>
 * The buckets live in each server process's memory: with several processes, each enforces the limits itself.
 * Account lockout ({@link AccountsConfig}) is stored in the database and holds across processes.
 */
public record RateLimitConfig(int writesPerAccount, int writesPerAddress, int loginsPerAddress, int loginsPerUsername) {

    public static RateLimitConfig fromEnv(Map<String, String> env) {
        Env e = new Env(env);
        return new RateLimitConfig(
                e.integer("CLEARINGHOUSE_RATE_WRITES_PER_ACCOUNT", 120, 0, 1_000_000),
                e.integer("CLEARINGHOUSE_RATE_WRITES_PER_ADDRESS", 300, 0, 1_000_000),
                e.integer("CLEARINGHOUSE_RATE_LOGINS_PER_ADDRESS", 20, 0, 1_000_000),
                e.integer("CLEARINGHOUSE_RATE_LOGINS_PER_USERNAME", 10, 0, 1_000_000));
    }
}
