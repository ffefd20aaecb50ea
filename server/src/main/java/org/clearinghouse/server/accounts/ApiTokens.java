package org.clearinghouse.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.server.audit.Actor;
import org.clearinghouse.server.audit.RequestContext;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.ValidationException;
import org.clearinghouse.server.persistence.TokenRepository;

/**
 * Personal API tokens: {@code ch_} + 256 random bits (base64url). Only the SHA-256 of the secret is stored;
 * a lookup by hash is a unique-index probe, so no comparison leaks timing about other tokens.
 */
public final class ApiTokens {
    static final String PREFIX = "ch_";
    private static final int PREFIX_SHOWN = 10;

    private final TokenRepository tokens;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public ApiTokens(TokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public IssuedToken issue(long accountId, String name, Optional<Instant> expiresAt) {
        String secret = newSecret();
        ApiToken token = tokens.create(accountId, name, secret.substring(0, PREFIX_SHOWN), hash(secret), expiresAt);
        return new IssuedToken(token, secret);
    }

    /**
     * The owner creates a token for themself: {@code name} 1–100 characters, {@code expiresAt} (optional) in the
     * future. Audited as {@code token.create} in the same transaction.
     */
    public IssuedToken issue(Principal owner, String name, Optional<Instant> expiresAt, RequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            errors.add(new FieldError("name", "must be 1 to 100 characters"));
        }
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(clock.instant())) {
            errors.add(new FieldError("expires_at", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String secret = newSecret();
        ApiToken token = tokens.create(owner.accountId(), trimmed, secret.substring(0, PREFIX_SHOWN), hash(secret), expiresAt,
                created -> Actor.of(owner).event("token.create", "api_token", Long.toString(created.id()), request,
                        Map.of("name", created.name(), "prefix", created.prefix(),
                                "expires_at", created.expiresAt().map(Instant::toString).orElse("never"))));
        return new IssuedToken(token, secret);
    }

    /** The owner's tokens, oldest first, revoked ones included; never a secret. */
    public List<ApiToken> list(Principal owner) {
        return tokens.ofAccount(owner.accountId());
    }

    /** Revokes one of the owner's tokens (audited as {@code token.revoke}); false when they have no such active token. */
    public boolean revoke(Principal owner, long tokenId, RequestContext request) {
        return tokens.revoke(owner.accountId(), tokenId, clock.instant(),
                Actor.of(owner).event("token.revoke", "api_token", Long.toString(tokenId), request, Map.of()));
    }

    /** Why a secret does not authenticate, for the audit trail: unknown, revoked, expired or account disabled. */
    public Refusal refusal(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return new Refusal("malformed_token", null);
        }
        return tokens.find(hash(secret)).map(state -> {
            ApiToken token = state.token();
            String id = Long.toString(token.id());
            if (token.revokedAt().isPresent()) {
                return new Refusal("revoked_token", id);
            }
            if (token.expiresAt().filter(at -> !at.isAfter(clock.instant())).isPresent()) {
                return new Refusal("expired_token", id);
            }
            return new Refusal(state.accountDisabled() ? "account_disabled" : "unknown_token", id);
        }).orElse(new Refusal("unknown_token", null));
    }

    /** The reason a token was refused and the token's id when it exists. */
    public record Refusal(String reason, String tokenId) {
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The active (not revoked, not expired, account enabled) token's owner; records the use. */
    public Optional<Principal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        return tokens.useActive(hash(secret), clock.instant());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
