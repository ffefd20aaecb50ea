package org.clearinghouse.server.site;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearinghouse.server.config.SiteConfig;
import org.clearinghouse.web.Assets;
import org.clearinghouse.web.Lang;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.Renderer;
import org.clearinghouse.web.view.ErrorView;
import org.clearinghouse.web.view.LangLink;
import org.clearinghouse.web.view.PageMeta;

/**
 * What every page controller shares: the interface texts, the frame of a page (canonical URL, the page in every
 * language), and sending HTML with the site's security headers.
 */
public final class SitePages {
    /**
     * No inline script or style anywhere (JSON-LD is a data block, which CSP does not execute); the page may not be
     * framed, may only post to itself and may not change its base URL.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private final Renderer renderer;
    private final Assets assets;
    private final Map<Lang, Messages> messages;
    private final SiteConfig site;

    public SitePages(Renderer renderer, Assets assets, Map<Lang, Messages> messages, SiteConfig site) {
        this.renderer = renderer;
        this.assets = assets;
        this.messages = messages;
        this.site = site;
    }

    public Messages texts(Lang lang) {
        return messages.get(lang);
    }

    public Assets assets() {
        return assets;
    }

    public SiteConfig site() {
        return site;
    }

    /**
     * The frame of a page whose language-neutral path is {@code path} (e.g. {@code /search?q=x} or {@code /}):
     * it lives at {@code /<lang>} + path in each language, and {@code path} itself negotiates.
     */
    public PageMeta meta(Lang lang, String title, String path, String nav) {
        List<LangLink> languages = new ArrayList<>();
        for (Lang l : Lang.ALL) {
            String href = "/" + l.code() + path;
            languages.add(new LangLink(l.code(), l.nativeName(), href, site.url(href), l == lang));
        }
        Messages t = texts(lang);
        return new PageMeta(t, title, t.t("site.description"), site.url("/" + lang.code() + path), languages,
                site.url(path), assets.cssPath(), assets.scriptPath(), nav);
    }

    /** Sends a rendered page with its status and the security headers every HTML answer carries. */
    public void html(Context ctx, int status, String template, Object model) {
        String body = renderer.render(template, model);
        securityHeaders(ctx);
        ctx.status(status).html(body);
    }

    public void notFound(Context ctx, Lang lang) {
        Messages t = texts(lang);
        html(ctx, 404, "error.jte", new ErrorView(meta(lang, t.t("error.notFound"), "/", null), 404,
                t.t("error.notFound"), t.t("error.notFoundText")));
    }

    static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("X-Frame-Options", "DENY");
    }
}
