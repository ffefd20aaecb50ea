package org.clearinghouse.server.site;

import io.javalin.http.Context;
import org.clearinghouse.web.Assets;

/** {@code /static/{file}}: fingerprinted files, cached for a year; any other name is not found. */
public final class StaticFiles {
    private final Assets assets;

    StaticFiles(Assets assets) {
        this.assets = assets;
    }

    public void serve(Context ctx) {
        var asset = assets.find(ctx.pathParam("file"));
        if (asset.isEmpty()) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("not found");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(asset.get().contentType()).result(asset.get().bytes());
    }
}
