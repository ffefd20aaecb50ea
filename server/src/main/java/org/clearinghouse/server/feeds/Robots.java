package org.clearinghouse.server.feeds;

import org.clearinghouse.server.config.SiteConfig;

/** {@code /robots.txt}: crawl everything but the endless search and suggestion answers; the sitemap says what there is. */
public final class Robots {
    private final SiteConfig site;

    public Robots(SiteConfig site) {
        this.site = site;
    }

    public String text() {
        return """
                # AI for Education Clearinghouse
                User-agent: *
                Allow: /
                Disallow: /api/v1/search
                Disallow: /api/v1/suggest

                Sitemap: %s
                """.formatted(site.url("/sitemap.xml"));
    }
}
