package org.clearinghouse.server.config;

import java.time.Duration;
import java.util.Map;

/**
 * Accounts, sign-in and lockout:
 * <ul>
 *   <li>{@code CLEARINGHOUSE_DEMO_ACCOUNTS}: create the demo organisation, moderator and contributor at start when
 *   no account exists yet. Default: on with the embedded database (a laptop), off with {@code DATABASE_URL}.</li>
 *   <li>{@code CLEARINGHOUSE_SESSION_HOURS} (default 12): a sign-in session's absolute lifetime;
 *   {@code CLEARINGHOUSE_SESSION_IDLE_MINUTES} (default 60): it ends sooner when unused this long.</li>
 *   <li>{@code CLEARINGHOUSE_LOGIN_MAX_FAILURES} (default 5) consecutive wrong passwords lock an account for
 *   {@code CLEARINGHOUSE_LOGIN_LOCKOUT_MINUTES} (default 15).</li>
 *   <li>{@code CLEARINGHOUSE_TRUST_FORWARDED_FOR} (default false): take the client address from the last
 *   {@code X-Forwarded-For} entry, which only a reverse proxy in front of the server can vouch for.</li>
 * </ul>
 * The session cookie is {@code Secure} when {@code CLEARINGHOUSE_PUBLIC_URL} is https.
 */
public record AccountsConfig(boolean demoAccounts, Duration sessionLifetime, Duration sessionIdleTimeout,
                             boolean secureCookies, int maxFailedLogins, Duration lockout, boolean trustForwardedFor) {

    public static AccountsConfig fromEnv(DatabaseConfig database, SiteConfig site, Map<String, String> env) {
        Env e = new Env(env);
        return new AccountsConfig(
                e.bool("CLEARINGHOUSE_DEMO_ACCOUNTS", database.embedded()),
                Duration.ofHours(e.integer("CLEARINGHOUSE_SESSION_HOURS", 12, 1, 24 * 90)),
                Duration.ofMinutes(e.integer("CLEARINGHOUSE_SESSION_IDLE_MINUTES", 60, 1, 60 * 24 * 90)),
                site.publicUrl().startsWith("https://"),
                e.integer("CLEARINGHOUSE_LOGIN_MAX_FAILURES", 5, 1, 1000),
                Duration.ofMinutes(e.integer("CLEARINGHOUSE_LOGIN_LOCKOUT_MINUTES", 15, 1, 60 * 24 * 30)),
                e.bool("CLEARINGHOUSE_TRUST_FORWARDED_FOR", false));
    }
}
