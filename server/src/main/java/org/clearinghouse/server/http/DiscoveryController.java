package org.clearinghouse.server.http;

import io.javalin.http.Context;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.feeds.AtomFeeds;
import org.clearinghouse.server.feeds.Robots;
import org.clearinghouse.server.feeds.Sitemaps;

/** {@code /feeds/atom}, {@code /sitemap.xml}, {@code /sitemaps/{n}.xml} and {@code /robots.txt}. */
public final class DiscoveryController {
    private static final String UTF8 = ";charset=utf-8";

    private final AtomFeeds feeds;
    private final Sitemaps sitemaps;
    private final Robots robots;

    public DiscoveryController(AtomFeeds feeds, Sitemaps sitemaps, Robots robots) {
        this.feeds = feeds;
        this.sitemaps = sitemaps;
        this.robots = robots;
    }

    /** An Atom feed of any search; answers 304 to a reader that already has the current one. */
    public void atom(Context ctx) {
        String etag = feeds.etag(ctx.queryParamMap());
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, max-age=300");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        byte[] feed = feeds.feed(ctx.queryParamMap());
        ctx.contentType(AtomFeeds.MEDIA_TYPE + UTF8).result(feed);
    }

    public void sitemap(Context ctx) {
        ctx.contentType(Sitemaps.MEDIA_TYPE + UTF8);
        sitemaps.writeRoot(ctx.outputStream());
    }

    public void sitemapPart(Context ctx) {
        String name = ctx.pathParam("part");
        int part;
        try {
            part = Integer.parseInt(name.endsWith(".xml") ? name.substring(0, name.length() - 4) : name);
        } catch (NumberFormatException e) {
            throw new NotFoundException("no sitemap part '" + org.clearinghouse.server.catalogue.Texts.abbreviate(name) + "'");
        }
        sitemaps.requirePart(part);
        ctx.contentType(Sitemaps.MEDIA_TYPE + UTF8);
        sitemaps.writePart(part, ctx.outputStream());
    }

    public void robots(Context ctx) {
        ctx.contentType("text/plain" + UTF8).result(robots.text());
    }
}
