package org.clearinghouse.server.http;

import io.javalin.http.Context;
import java.util.Optional;
import org.clearinghouse.server.accounts.ApiTokens;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.auth.UnauthorizedException;

/**
 * Who is calling: the owner of the {@code Authorization: Bearer <token>} personal API token. Resolved once per
 * request and kept on the context. Controllers call {@link #require(Context)} for writes; services then
 * decide what the principal may do (403).
 */
public final class Authentication {
    private static final String BEARER = "Bearer ";
    private static final String ATTRIBUTE = "clearinghouse.principal";

    private final ApiTokens tokens;

    public Authentication(ApiTokens tokens) {
        this.tokens = tokens;
    }

    public Optional<Principal> principal(Context ctx) {
        Optional<Principal> known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String header = ctx.header("Authorization");
        Optional<Principal> found = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? tokens.authenticate(header.substring(BEARER.length()).trim())
                : Optional.empty();
        ctx.attribute(ATTRIBUTE, found);
        return found;
    }

    public Principal require(Context ctx) {
        return principal(ctx).orElseThrow(() -> new UnauthorizedException(
                ctx.header("Authorization") == null
                        ? "this needs credentials: send Authorization: Bearer <personal API token>"
                        : "the credentials are invalid, expired or revoked"));
    }
}
