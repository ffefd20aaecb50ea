package org.clearinghouse.server.site;

import io.javalin.http.Context;
import org.clearinghouse.web.Lang;

/**
 * Pages without a language prefix ({@code /}, {@code /search?q=x}, {@code /countries/KE}) send the browser to the
 * same page in the language its {@code Accept-Language} prefers (302, varying on that header): every page has
 * one address per language, and the unprefixed one is the {@code x-default} that negotiates.
 */
public final class LanguageRedirects {
    public void negotiate(Context ctx) {
        Lang lang = Lang.negotiate(ctx.header("Accept-Language"));
        String path = ctx.path();
        String query = ctx.queryString();
        ctx.header("Vary", "Accept-Language");
        ctx.header("Cache-Control", "private, no-cache");
        ctx.status(302).header("Location", "/" + lang.code() + (path.equals("/") ? "/" : path) + (query == null ? "" : "?" + query));
    }
}
