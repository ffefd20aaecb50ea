package org.clearinghouse.server.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearinghouse.server.accounts.ApiTokens;
import org.clearinghouse.server.accounts.IssuedToken;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.catalogue.BadParameterException;
import org.clearinghouse.server.catalogue.NotFoundException;

/** {@code /api/v1/tokens}: the caller's own personal API tokens. Creating one also accepts HTTP Basic. */
public final class TokenController {
    private final ApiTokens tokens;
    private final Authentication authentication;
    private final JsonBodies bodies;

    public TokenController(ApiTokens tokens, Authentication authentication, JsonBodies bodies) {
        this.tokens = tokens;
        this.authentication = authentication;
        this.bodies = bodies;
    }

    public void create(Context ctx) {
        Principal owner = authentication.principalOrBasic(ctx);
        JsonInput input = JsonInput.of(bodies.read(ctx), Set.of("name", "expires_at"));
        String name = input.text("name", true);
        Optional<Instant> expiresAt = input.instant("expires_at");
        input.done();
        IssuedToken issued = tokens.issue(owner, name, expiresAt, authentication.context(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.header("Location", "/api/v1/tokens/" + issued.token().id());
        ctx.status(201).json(AccountViews.TokenView.of(issued.token(), issued.secret()));
    }

    public void list(Context ctx) {
        Principal owner = authentication.require(ctx);
        ctx.json(Map.of("tokens", tokens.list(owner).stream().map(t -> AccountViews.TokenView.of(t, null)).toList()));
    }

    public void revoke(Context ctx) {
        Principal owner = authentication.require(ctx);
        long id = id(ctx.pathParam("id"));
        if (!tokens.revoke(owner, id, authentication.context(ctx))) {
            throw new NotFoundException("you have no active token with id " + id);
        }
        ctx.status(204);
    }

    static long id(String raw) {
        if (raw == null || !raw.matches("\\d{1,18}")) {
            throw new BadParameterException("id", "must be a positive whole number");
        }
        return Long.parseLong(raw);
    }
}
