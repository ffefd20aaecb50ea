package org.clearinghouse.server.http;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clearinghouse.server.accounts.ApiTokens;
import org.clearinghouse.server.accounts.Logins;
import org.clearinghouse.server.accounts.Sessions;
import org.clearinghouse.server.audit.AuditEvent;
import org.clearinghouse.server.audit.RequestContext;
import org.clearinghouse.server.auth.ForbiddenException;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.auth.UnauthorizedException;
import org.clearinghouse.server.config.AccountsConfig;
import org.clearinghouse.server.limits.AbuseLimits;
import org.clearinghouse.server.persistence.AuditRepository;

/**
 * Who is calling, resolved once per request and kept on the context:
 * <ul>
 *   <li>{@code Authorization: Bearer <personal API token>} (scripts), or else</li>
 *   <li>the {@value #SESSION_COOKIE} cookie of a signed-in browser ({@link Sessions}); a POST, PUT, PATCH or DELETE
 *   authenticated by the cookie must also carry the session's CSRF token, in the {@value #CSRF_HEADER} header or a
 *   {@value #CSRF_FIELD} form field, or it is refused with 403 before anything happens.</li>
 * </ul>
 * HTTP Basic (username:password) is accepted only where {@link #principalOrBasic} is used: creating a token.
 * Every refused credential is audited as {@code auth.failure}. Controllers call {@link #require(Context)} for
 * writes and {@link #requireRole} for admin work; services decide the rest (403).
 *
 * <p>For the web pages: {@link #signIn} starts a session and sets the cookie, {@link #signOut} ends it,
 * {@link #csrfToken(Context)} gives the token to embed in forms, {@link #context(Context)} the request's id and
 * client address for services.
 */
public final class Authentication {
    public static final String SESSION_COOKIE = "ch_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "csrf";
    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";
    private static final String ATTRIBUTE = "clearinghouse.principal";
    private static final String SESSION_ATTRIBUTE = "clearinghouse.session";
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ApiTokens tokens;
    private final Sessions sessions;
    private final Logins logins;
    private final AuditRepository audit;
    private final AbuseLimits limits;
    private final AccountsConfig config;

    public Authentication(ApiTokens tokens, Sessions sessions, Logins logins, AuditRepository audit, AbuseLimits limits,
                          AccountsConfig config) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.logins = logins;
        this.audit = audit;
        this.limits = limits;
        this.config = config;
    }

    /** The caller, if any credentials were sent and are valid; a cookie write without its CSRF token is a 403. */
    public Optional<Principal> principal(Context ctx) {
        Optional<Principal> known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        return remember(ctx, resolve(ctx));
    }

    public Principal require(Context ctx) {
        return principal(ctx).orElseThrow(() -> new UnauthorizedException(
                ctx.header("Authorization") == null && ctx.cookie(SESSION_COOKIE) == null
                        ? "this needs credentials: send Authorization: Bearer <personal API token>, or sign in"
                        : "the credentials are invalid, expired or revoked"));
    }

    /** The caller, who must have this role (401 without credentials, 403 with another role). */
    public Principal requireRole(Context ctx, Role role) {
        Principal principal = require(ctx);
        if (principal.role() != role) {
            throw new ForbiddenException("only an account with the " + role.code() + " role may do this");
        }
        return principal;
    }

    /** As {@link #require(Context)}, also accepting {@code Authorization: Basic} username:password (creating a token). */
    public Principal principalOrBasic(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return require(ctx);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException("the Basic credentials are not base64 of username:password");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new UnauthorizedException("the Basic credentials are not base64 of username:password");
        }
        Principal principal = logins.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1), "basic", context(ctx));
        return remember(ctx, Optional.of(principal)).orElseThrow();
    }

    /** Whether the caller was authenticated by a session cookie (rather than a token). */
    public Optional<Sessions.ActiveSession> session(Context ctx) {
        principal(ctx);
        return Optional.ofNullable(ctx.attribute(SESSION_ATTRIBUTE));
    }

    /** The CSRF token the signed-in browser must send back with its writes; empty without a session. */
    public Optional<String> csrfToken(Context ctx) {
        return session(ctx).map(Sessions.ActiveSession::csrfToken);
    }

    /** Signs in with a password and sets the session cookie ({@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} on https). */
    public Sessions.SignedIn signIn(Context ctx, String username, String password) {
        Sessions.SignedIn signedIn = sessions.signIn(username, password, context(ctx));
        ctx.cookie(new Cookie(SESSION_COOKIE, signedIn.secret(), "/", (int) config.sessionLifetime().toSeconds(),
                config.secureCookies(), true, null, SameSite.LAX));
        return signedIn;
    }

    /** Ends the cookie's session (the caller must be signed in by it) and clears the cookie; false without one. */
    public boolean signOut(Context ctx) {
        Optional<Sessions.ActiveSession> session = session(ctx);
        if (session.isEmpty()) {
            return false;
        }
        sessions.signOut(ctx.cookie(SESSION_COOKIE), session.get().principal(), context(ctx));
        clearCookie(ctx);
        return true;
    }

    /** What services need of the request: its id and the client address. */
    public RequestContext context(Context ctx) {
        return new RequestContext(RequestIds.of(ctx), clientAddress(ctx));
    }

    /** {@code ctx.ip()}, or the last {@code X-Forwarded-For} entry when a trusted proxy is configured. */
    public String clientAddress(Context ctx) {
        if (config.trustForwardedFor()) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null) {
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].trim();
                if (!last.isEmpty() && last.length() <= 64) {
                    return last;
                }
            }
        }
        return ctx.ip();
    }

    /** Before every request under /api/v1: counts writes against the client address. */
    void limitWritesByAddress(Context ctx) {
        if (isUnsafe(ctx)) {
            limits.writeFromAddress(clientAddress(ctx));
        }
    }

    private Optional<Principal> remember(Context ctx, Optional<Principal> found) {
        ctx.attribute(ATTRIBUTE, found);
        if (found.isPresent() && isUnsafe(ctx) && ctx.path().startsWith("/api/v1/")) {
            limits.writeByAccount(found.get().accountId());
        }
        return found;
    }

    private Optional<Principal> resolve(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) {
            if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return Optional.empty();
            }
            String secret = header.substring(BEARER.length()).trim();
            Optional<Principal> found = tokens.authenticate(secret);
            if (found.isEmpty()) {
                ApiTokens.Refusal refusal = tokens.refusal(secret);
                Map<String, Object> detail = new HashMap<>();
                detail.put("reason", refusal.reason());
                detail.put("method", "bearer");
                audit.append(AuditEvent.anonymous("auth.failure", refusal.tokenId() == null ? null : "api_token",
                        refusal.tokenId(), context(ctx), detail));
            }
            return found;
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        if (cookie == null || cookie.isEmpty()) {
            return Optional.empty();
        }
        Optional<Sessions.ActiveSession> session = sessions.lookup(cookie);
        if (session.isEmpty()) {
            audit.append(AuditEvent.anonymous("auth.failure", null, null, context(ctx),
                    Map.of("reason", "invalid_session", "method", "session")));
            clearCookie(ctx);
            return Optional.empty();
        }
        Principal principal = session.get().principal();
        if (isUnsafe(ctx) && !Sessions.csrfMatches(cookie, presentedCsrf(ctx))) {
            audit.append(AuditEvent.anonymous("auth.failure", "account", Long.toString(principal.accountId()), context(ctx),
                    Map.of("reason", "csrf", "method", "session", "username", principal.username())));
            throw new ForbiddenException("a signed-in browser's " + ctx.method() + " must carry the session's CSRF token "
                    + "in the " + CSRF_HEADER + " header or a '" + CSRF_FIELD + "' form field");
        }
        ctx.attribute(SESSION_ATTRIBUTE, session.get());
        return Optional.of(principal);
    }

    private static String presentedCsrf(Context ctx) {
        String header = ctx.header(CSRF_HEADER);
        if (header != null) {
            return header;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")
                ? ctx.formParam(CSRF_FIELD) : null;
    }

    private void clearCookie(Context ctx) {
        ctx.cookie(new Cookie(SESSION_COOKIE, "", "/", 0, config.secureCookies(), true, null, SameSite.LAX));
    }

    private static boolean isUnsafe(Context ctx) {
        return UNSAFE.contains(ctx.method().name());
    }
}
