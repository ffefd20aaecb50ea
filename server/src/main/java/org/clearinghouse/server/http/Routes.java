package org.clearinghouse.server.http;

import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

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
    private final AccountControllers accounts;
    private final WorkflowController workflow;
    private final ImportController imports;
    private final Site site;

    /** Web pages that exist in every language: without a prefix they negotiate, with one they are served. */
    private static final List<String> PAGES = List.of("/search", "/explore", "/about", "/api", "/resources/{slug}",
            "/countries/{iso}");

    public Routes(ResourceController resources, SearchController search, SystemController system, OaiController oai,
                  DiscoveryController discovery, OpenApiController openApi, AccountControllers accounts,
                  WorkflowController workflow, ImportController imports, Site site) {
        this.workflow = workflow;
        this.imports = imports;
        this.resources = resources;
        this.search = search;
        this.system = system;
        this.oai = oai;
        this.discovery = discovery;
        this.openApi = openApi;
        this.accounts = accounts;
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
            // Rate limit on writes per client address; the per-account limit applies once the caller is known.
            before("/api/v1/*", accounts.authentication()::limitWritesByAddress);
            path("/api/v1", () -> {
                get("/vocabularies", system::vocabularies);
                get("/search", search::search);
                get("/suggest", search::suggest);
                path("/resources", () -> {
                    get(resources::list);
                    post(resources::create);
                    get("/{idOrSlug}", resources::get);
                    get("/{idOrSlug}/related", search::related);
                    put("/{idOrSlug}", workflow::edit);
                    post("/{idOrSlug}/withdraw", workflow::withdraw);
                    post("/{idOrSlug}/validate", workflow::validate);
                    get("/{idOrSlug}/revisions", workflow::revisions);
                    get("/{idOrSlug}/revisions/{n}", workflow::revision);
                    get("/{idOrSlug}/revisions/{n}/diff", workflow::diff);
                    post("/{idOrSlug}/revisions/{n}/approve", workflow::approve);
                    post("/{idOrSlug}/revisions/{n}/reject", workflow::reject);
                    post("/{idOrSlug}/revisions/{n}/request-changes", workflow::requestChanges);
                    post("/{idOrSlug}/revisions/{n}/resubmit", workflow::resubmit);
                });
                path("/session", () -> {
                    post(accounts.sessions()::signIn);
                    get(accounts.sessions()::whoAmI);
                    delete(accounts.sessions()::signOut);
                });
                path("/tokens", () -> {
                    post(accounts.tokens()::create);
                    get(accounts.tokens()::list);
                    delete("/{id}", accounts.tokens()::revoke);
                });
                path("/admin", () -> {
                    post("/organisations", accounts.admin()::createOrganisation);
                    get("/organisations", accounts.admin()::organisations);
                    get("/organisations/{id}", accounts.admin()::organisation);
                    post("/accounts", accounts.admin()::createAccount);
                    get("/accounts", accounts.admin()::accounts);
                    get("/accounts/{id}", accounts.admin()::account);
                    patch("/accounts/{id}", accounts.admin()::updateAccount);
                    post("/accounts/{id}/password", accounts.admin()::resetPassword);
                });
                get("/audit", accounts.audit()::list);
                get("/submissions", workflow::submissions);
                get("/moderation/queue", workflow::queue);
                post("/imports", imports::run);
                get("/imports/template.csv", imports::template);
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
