package org.clearinghouse.server.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.config.JavalinConfig;
import java.util.List;
import org.clearinghouse.server.oai.OaiController;
import org.clearinghouse.server.site.Site;
import org.clearinghouse.web.Lang;

/** The route table: every endpoint of the server, in one place. */
public final class Routes {
    private final ResourceController resources;
    private final SearchController search;
    private final SystemController system;
    private final OaiController oai;
    private final DiscoveryController discovery;
    private final OpenApiController openApi;
    private final Site site;

    /** Web pages that exist in every language: without a prefix they negotiate, with one they are served. */
    private static final List<String> PAGES = List.of("/search", "/explore", "/about", "/api", "/resources/{slug}",
            "/countries/{iso}");

    public Routes(ResourceController resources, SearchController search, SystemController system, OaiController oai,
                  DiscoveryController discovery, OpenApiController openApi, Site site) {
        this.resources = resources;
        this.search = search;
        this.system = system;
        this.oai = oai;
        this.discovery = discovery;
        this.openApi = openApi;
        this.site = site;
    }

    /** True for the web site's paths (pages, their language redirects, static files): not part of the API. */
    public static boolean isWebPage(String path) {
        if (path.equals("/") || path.startsWith("/static/") || PAGES.contains(path)) {
            return true;
        }
        return Lang.ALL.stream().anyMatch(l -> path.equals("/" + l.code()) || path.startsWith("/" + l.code() + "/"));
    }

    void register(JavalinConfig config) {
        config.routes.apiBuilder(() -> {
            get("/health", system::health);
            get("/oai", oai::handle);
            post("/oai", oai::handle);
            get("/robots.txt", discovery::robots);
            get("/sitemap.xml", discovery::sitemap);
            get("/sitemaps/{part}", discovery::sitemapPart);
            get("/feeds/atom", discovery::atom);
            get("/api/v1/openapi.json", openApi::serve);
            path("/api/v1", () -> {
                get("/vocabularies", system::vocabularies);
                get("/search", search::search);
                get("/suggest", search::suggest);
                path("/resources", () -> {
                    get(resources::list);
                    post(resources::create);
                    get("/{idOrSlug}", resources::get);
                    get("/{idOrSlug}/related", search::related);
                });
            });

            get("/static/{file}", site.statics()::serve);
            get("/", site.redirects()::negotiate);
            PAGES.forEach(page -> get(page, site.redirects()::negotiate));
            for (Lang lang : Lang.ALL) {
                String prefix = "/" + lang.code();
                get(prefix, ctx -> site.home().show(ctx, lang));
                get(prefix + "/search", ctx -> site.search().show(ctx, lang));
                get(prefix + "/explore", ctx -> site.explore().show(ctx, lang));
                get(prefix + "/about", ctx -> site.info().about(ctx, lang));
                get(prefix + "/api", ctx -> site.info().api(ctx, lang));
                get(prefix + "/resources/{slug}", ctx -> site.resource().show(ctx, lang));
                get(prefix + "/countries/{iso}", ctx -> site.country().show(ctx, lang));
                get(prefix + "/<rest>", ctx -> site.pages().notFound(ctx, lang));
            }
        });
    }
}
