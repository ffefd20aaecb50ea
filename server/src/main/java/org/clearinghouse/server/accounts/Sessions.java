package org.clearinghouse.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.clearinghouse.server.audit.Actor;
import org.clearinghouse.server.audit.RequestContext;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.config.AccountsConfig;
import org.clearinghouse.server.persistence.SessionRepository;

/**
 * Sign-in sessions for the web (and for getting a first API token without one), independent of HTTP:
 * <ul>
 *   <li>{@link #signIn} checks the password through {@link Logins} (rate limits, lockout, audit) and starts a
 *   session: a 256-bit random secret ({@code chs_...}) for the cookie, stored only as its SHA-256, with an
 *   absolute lifetime and an idle timeout ({@link AccountsConfig}); audited as {@code session.sign_in};</li>
 *   <li>{@link #lookup} resolves a cookie's secret to its session (any process sharing the database can), and
 *   keeps it alive;</li>
 *   <li>{@link #csrfToken} is the session's CSRF token, derived from the secret (so it is bound to that session
 *   and needs no storage, and it does not reveal the secret); {@link #csrfMatches} checks one in constant time;</li>
 *   <li>{@link #signOut} ends it (audited as {@code session.sign_out}).</li>
 * </ul>
 */
public final class Sessions {
    static final String PREFIX = "chs_";
    /** Writing last_seen_at on every request would be a write per page view; a minute's precision is enough. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final SessionRepository sessions;
    private final Logins logins;
    private final AccountsConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Ended sessions are refused anyway; sign-ins sweep them out of the table at most once an hour. */
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    public Sessions(SessionRepository sessions, Logins logins, AccountsConfig config, Clock clock) {
        this.sessions = sessions;
        this.logins = logins;
        this.config = config;
        this.clock = clock;
    }

    /** A session just started: {@code secret} goes in the cookie and nowhere else. */
    public record SignedIn(String secret, String csrfToken, Principal principal, Instant expiresAt) {
        @Override
        public String toString() {
            return "SignedIn[" + principal.username() + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** A live session as a request sees it. */
    public record ActiveSession(long id, Principal principal, String csrfToken, Instant expiresAt) {
    }

    public SignedIn signIn(String username, String password, RequestContext request) {
        Principal principal = logins.authenticate(username, password, "password", request);
        Instant last = lastPurge.get();
        if (last.plus(Duration.ofHours(1)).isBefore(clock.instant()) && lastPurge.compareAndSet(last, clock.instant())) {
            purgeStale();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.sessionLifetime());
        sessions.create(principal.accountId(), ApiTokens.hash(secret), now, expiresAt, request.clientAddress(),
                Actor.of(principal).event("session.sign_in", "account", Long.toString(principal.accountId()), request,
                        Map.of("expires_at", expiresAt.toString())));
        return new SignedIn(secret, csrfToken(secret), principal, expiresAt);
    }

    /** The live session of this cookie secret (not expired, not idle too long, account enabled), kept alive. */
    public Optional<ActiveSession> lookup(String secret) {
        if (!wellFormed(secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessions.findActive(ApiTokens.hash(secret), now, config.sessionIdleTimeout()).map(found -> {
            if (!found.lastSeenAt().plus(TOUCH_EVERY).isAfter(now)) {
                sessions.touch(found.id(), now);
            }
            return new ActiveSession(found.id(), found.principal(), csrfToken(secret), found.expiresAt());
        });
    }

    /** Ends the session of this secret; false when there was no such session. */
    public boolean signOut(String secret, Principal principal, RequestContext request) {
        return wellFormed(secret) && sessions.delete(ApiTokens.hash(secret),
                Actor.of(principal).event("session.sign_out", "account", Long.toString(principal.accountId()), request, Map.of()));
    }

    /** Forgets sessions that have expired or gone idle (they are refused anyway; this only keeps the table small). */
    public int purgeStale() {
        return sessions.deleteStale(clock.instant(), config.sessionIdleTimeout());
    }

    public static String csrfToken(String secret) {
        return ApiTokens.hash("csrf:" + secret);
    }

    /** Whether {@code presented} is the CSRF token of the session with this secret; constant time. */
    public static boolean csrfMatches(String secret, String presented) {
        return presented != null && secret != null && MessageDigest.isEqual(
                csrfToken(secret).getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean wellFormed(String secret) {
        return secret != null && secret.startsWith(PREFIX) && secret.length() < 100;
    }
}
