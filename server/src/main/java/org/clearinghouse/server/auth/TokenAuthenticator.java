package org.clearinghouse.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.clearinghouse.server.config.AuthConfig;

/** Recognises the configured contributor token in an {@code Authorization: Bearer …} header. */
public final class TokenAuthenticator {
    private static final String BEARER = "Bearer ";
    private final Optional<byte[]> bootstrapToken;

    public TokenAuthenticator(AuthConfig config) {
        this.bootstrapToken = config.bootstrapToken().map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<Contributor> authenticate(String authorizationHeader) {
        if (authorizationHeader == null || bootstrapToken.isEmpty()
                || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        byte[] presented = authorizationHeader.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        // Constant-time comparison: response timing must not reveal how much of a guess was right.
        return MessageDigest.isEqual(presented, bootstrapToken.get())
                ? Optional.of(new Contributor("bootstrap contributor"))
                : Optional.empty();
    }
}
