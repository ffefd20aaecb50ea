package org.clearinghouse.server.site;

import io.javalin.http.Context;
import org.clearinghouse.web.Lang;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.view.InfoView;

/** {@code /<lang>/about} and {@code /<lang>/api}: text pages. */
public final class InfoPages {
    private final SitePages pages;

    InfoPages(SitePages pages) {
        this.pages = pages;
    }

    public void about(Context ctx, Lang lang) {
        Messages t = pages.texts(lang);
        pages.html(ctx, 200, "about.jte", new InfoView(pages.meta(lang, t.t("about.title"), "/about", "about"), pages.site().publicUrl()));
    }

    public void api(Context ctx, Lang lang) {
        Messages t = pages.texts(lang);
        pages.html(ctx, 200, "api.jte", new InfoView(pages.meta(lang, t.t("api.title"), "/api", "api"), pages.site().publicUrl()));
    }
}
