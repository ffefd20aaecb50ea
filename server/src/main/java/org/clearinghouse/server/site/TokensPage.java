package org.clearinghouse.server.site;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.server.accounts.ApiToken;
import org.clearinghouse.server.accounts.ApiTokens;
import org.clearinghouse.server.accounts.IssuedToken;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.ValidationException;
import org.clearinghouse.server.http.Authentication;
import org.clearinghouse.web.Lang;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.view.TokenRow;
import org.clearinghouse.web.view.TokensView;

/**
 * {@code /<lang>/account/tokens}: my personal API tokens. A new token's secret is shown once, in the answer to the
 * form that created it (never stored, never shown again); revoking is a form per token. Same rules as the API.
 */
public final class TokensPage {
    private final SitePages pages;
    private final Authentication authentication;
    private final ApiTokens tokens;
    private final AccountPages accounts;

    TokensPage(SitePages pages, Authentication authentication, ApiTokens tokens, AccountPages accounts) {
        this.pages = pages;
        this.authentication = authentication;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    public void show(Context ctx, Lang lang) {
        accounts.signedIn(ctx, lang).ifPresent(p -> render(ctx, lang, p, 200, null, null, null, Map.of()));
    }

    public void create(Context ctx, Lang lang) {
        Optional<Principal> principal = accounts.signedIn(ctx, lang);
        if (principal.isEmpty()) {
            return;
        }
        authentication.principal(ctx); // a form without the session's CSRF token is refused (403)
        Messages t = pages.texts(lang);
        String name = ctx.formParam("name");
        String expires = ctx.formParam("expires");
        Optional<Instant> expiresAt = Optional.empty();
        if (expires != null && !expires.isBlank()) {
            try {
                expiresAt = Optional.of(LocalDate.parse(expires.trim()).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e) {
                render(ctx, lang, principal.get(), 422, null, name, expires, Map.of("expires_at", t.t("tokens.badDate")));
                return;
            }
        }
        try {
            IssuedToken issued = tokens.issue(principal.get(), name, expiresAt, authentication.context(ctx));
            render(ctx, lang, principal.get(), 201, issued.secret(), null, null, Map.of());
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError error : e.errors()) {
                errors.put(error.field(), error.field().equals("name") ? t.t("tokens.badName") : t.t("tokens.pastDate"));
            }
            render(ctx, lang, principal.get(), 422, null, name, expires, errors);
        }
    }

    public void revoke(Context ctx, Lang lang) {
        Optional<Principal> principal = accounts.signedIn(ctx, lang);
        if (principal.isEmpty()) {
            return;
        }
        authentication.principal(ctx);
        String id = ctx.pathParam("id");
        if (id.matches("\\d{1,18}")) {
            tokens.revoke(principal.get(), Long.parseLong(id), authentication.context(ctx));
        }
        ctx.status(303).header("Location", "/" + lang.code() + "/account/tokens");
    }

    private void render(Context ctx, Lang lang, Principal owner, int status, String secret, String name, String expires,
                        Map<String, String> errors) {
        Messages t = pages.texts(lang);
        List<TokenRow> rows = tokens.list(owner).stream().map(token -> row(token, lang, t)).toList();
        pages.html(ctx, status, "tokens.jte", new TokensView(pages.meta(lang, t.t("tokens.title"), "/account/tokens", "account"),
                authentication.csrfToken(ctx).orElse(""), rows, secret, name, expires, errors));
    }

    private static TokenRow row(ApiToken token, Lang lang, Messages t) {
        return new TokenRow(token.name(), token.prefix(), day(token.createdAt()),
                token.expiresAt().map(TokensPage::day).orElse(t.t("tokens.never")),
                token.lastUsedAt().map(TokensPage::day).orElse("—"),
                token.revokedAt().isPresent() ? null : "/" + lang.code() + "/account/tokens/" + token.id() + "/revoke");
    }

    private static String day(Instant instant) {
        return instant == null ? "" : instant.toString().substring(0, 10);
    }
}
