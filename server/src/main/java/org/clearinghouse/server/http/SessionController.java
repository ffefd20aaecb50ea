package org.clearinghouse.server.http;

import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.clearinghouse.server.accounts.Sessions;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.auth.UnauthorizedException;

/** {@code /api/v1/session}: sign in with a password (sets the cookie), who am I, sign out. */
public final class SessionController {
    private final Authentication authentication;
    private final JsonBodies bodies;

    public SessionController(Authentication authentication, JsonBodies bodies) {
        this.authentication = authentication;
        this.bodies = bodies;
    }

    public void signIn(Context ctx) {
        JsonInput input = JsonInput.of(bodies.read(ctx), Set.of("username", "password"));
        String username = input.text("username", true);
        String password = input.text("password", true);
        input.done();
        Sessions.SignedIn signedIn = authentication.signIn(ctx, username, password);
        ctx.header("Cache-Control", "no-store");
        ctx.status(200).json(new AccountViews.SessionView(AccountViews.PrincipalView.of(signedIn.principal()), "session",
                signedIn.csrfToken(), signedIn.expiresAt()));
    }

    public void whoAmI(Context ctx) {
        Principal principal = authentication.require(ctx);
        Optional<Sessions.ActiveSession> session = authentication.session(ctx);
        ctx.header("Cache-Control", "no-store");
        ctx.json(new AccountViews.SessionView(AccountViews.PrincipalView.of(principal), session.isPresent() ? "session" : "token",
                session.map(Sessions.ActiveSession::csrfToken).orElse(null),
                session.map(Sessions.ActiveSession::expiresAt).orElse(null)));
    }

    public void signOut(Context ctx) {
        authentication.require(ctx);
        if (!authentication.signOut(ctx)) {
            throw new UnauthorizedException("there is no session to end: this request was not made with a session cookie");
        }
        ctx.status(204);
    }
}
