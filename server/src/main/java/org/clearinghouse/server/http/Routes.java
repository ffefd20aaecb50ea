package org.clearinghouse.server.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;

import io.javalin.config.JavalinConfig;

/** The route table: every endpoint of the server, in one place. */
public final class Routes {
    private final ResourceController resources;
    private final SearchController search;
    private final SystemController system;

    public Routes(ResourceController resources, SearchController search, SystemController system) {
        this.resources = resources;
        this.search = search;
        this.system = system;
    }

    void register(JavalinConfig config) {
        config.routes.apiBuilder(() -> {
            get("/health", system::health);
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
        });
    }
}
