package org.clearinghouse.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.clearinghouse.server.auth.Principal;
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
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.create(accountId, name, secret.substring(0, PREFIX_SHOWN), hash(secret), expiresAt);
        return new IssuedToken(token, secret);
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
