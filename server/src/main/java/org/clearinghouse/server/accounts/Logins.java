package org.clearinghouse.server.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.server.audit.AuditEvent;
import org.clearinghouse.server.audit.RequestContext;
import org.clearinghouse.server.auth.AccountLockedException;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.auth.UnauthorizedException;
import org.clearinghouse.server.config.AccountsConfig;
import org.clearinghouse.server.limits.AbuseLimits;
import org.clearinghouse.server.persistence.AccountRepository;
import org.clearinghouse.server.persistence.AuditRepository;

/**
 * Username-and-password authentication, shared by the session sign-in and HTTP Basic on the token endpoint.
 * Rate-limited per client address and per username; the {@code maxFailedLogins}-th consecutive wrong password
 * locks the account for the lockout period, stored in the account row so every process honours it. A locked
 * account is refused before its password is looked at, so the refusal says nothing about the password. Every
 * refusal is audited as {@code auth.failure} (with the attempted username, never the password).
 */
public final class Logins {
    /** One answer for an unknown username, a wrong password and a disabled account: nothing to enumerate. */
    static final String REFUSED = "wrong username or password";

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final AuditRepository audit;
    private final AbuseLimits limits;
    private final AccountsConfig config;
    private final Clock clock;

    public Logins(AccountRepository accounts, PasswordHasher hasher, AuditRepository audit, AbuseLimits limits,
                  AccountsConfig config, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.audit = audit;
        this.limits = limits;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The account's principal when the password is right.
     *
     * @param method how the credentials came ({@code password} for the sign-in form or API, {@code basic})
     * @throws UnauthorizedException for an unknown username, a wrong password or a disabled account
     * @throws AccountLockedException while the account is locked
     * @throws org.clearinghouse.server.auth.TooManyRequestsException when the address or username is over its limit
     */
    public Principal authenticate(String username, String password, String method, RequestContext request) {
        // Usernames are lower case (the schema says so); people type them as they like.
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        limits.login(request.clientAddress(), name);
        Optional<StoredCredentials> found = name.isEmpty() || name.length() > 64 ? Optional.empty() : accounts.credentials(name);
        if (found.isEmpty()) {
            hasher.verifyNothing(password);
            throw refused(name, method, "unknown_user", null, request, Map.of());
        }
        StoredCredentials credentials = found.get();
        Instant now = clock.instant();
        Optional<Instant> lockedUntil = credentials.lockedUntil().filter(until -> until.isAfter(now));
        if (lockedUntil.isPresent()) {
            audit.append(failure(name, method, "account_locked", credentials.accountId(), request,
                    Map.of("locked_until", lockedUntil.get().toString())));
            throw new AccountLockedException("this account is locked after repeated failed sign-ins; retry later",
                    Duration.between(now, lockedUntil.get()));
        }
        if (!hasher.verify(password, credentials.passwordHash())) {
            Optional<Instant> locked = accounts.recordLoginFailure(credentials.accountId(), now, config.maxFailedLogins(),
                    config.lockout());
            Map<String, Object> detail = new HashMap<>();
            locked.ifPresent(until -> detail.put("locked_until", until.toString()));
            throw refused(name, method, "bad_password", credentials.accountId(), request, detail);
        }
        if (credentials.disabled()) {
            throw refused(name, method, "account_disabled", credentials.accountId(), request, Map.of());
        }
        accounts.recordLoginSuccess(credentials.accountId(),
                hasher.needsRehash(credentials.passwordHash()) ? hasher.hash(password) : null);
        return accounts.findPrincipal(credentials.accountId())
                .orElseThrow(() -> refused(name, method, "account_disabled", credentials.accountId(), request, Map.of()));
    }

    private UnauthorizedException refused(String username, String method, String reason, Long accountId,
                                          RequestContext request, Map<String, Object> extra) {
        audit.append(failure(username, method, reason, accountId, request, extra));
        return new UnauthorizedException(REFUSED);
    }

    private static AuditEvent failure(String username, String method, String reason, Long accountId, RequestContext request,
                                      Map<String, Object> extra) {
        Map<String, Object> detail = new HashMap<>(extra);
        detail.put("reason", reason);
        detail.put("method", method);
        if (accountId == null) {
            // No such account: what was typed may be a password entered in the wrong field, so it is not kept.
            detail.put("username_length", username.length());
        } else {
            detail.put("username", username);
        }
        return AuditEvent.anonymous("auth.failure", accountId == null ? null : "account",
                accountId == null ? null : Long.toString(accountId), request, detail);
    }
}
