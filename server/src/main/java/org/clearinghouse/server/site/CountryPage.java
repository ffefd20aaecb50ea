package org.clearinghouse.server.site;

import io.javalin.http.Context;
import org.clearinghouse.web.Lang;

/** {@code /<lang>/countries/{iso}}: a country's profile; lower-case codes redirect to the canonical upper case. */
public final class CountryPage {
    private final SitePages pages;
    private final CountryProfiles profiles;

    CountryPage(SitePages pages, CountryProfiles profiles) {
        this.pages = pages;
        this.profiles = profiles;
    }

    public void show(Context ctx, Lang lang) {
        String code = ctx.pathParam("iso");
        var profile = profiles.profile(code, lang);
        if (profile.isEmpty()) {
            pages.notFound(ctx, lang);
        } else if (!profile.get().code().equals(code)) {
            ctx.status(301).header("Location", "/" + lang.code() + "/countries/" + profile.get().code());
        } else {
            pages.html(ctx, 200, "country.jte", profile.get());
        }
    }
}
