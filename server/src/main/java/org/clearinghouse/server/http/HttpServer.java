package org.clearinghouse.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.clearinghouse.server.config.HttpConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Javalin server: request ids, access log, problem answers, and the route table. */
public final class HttpServer implements AutoCloseable {
    private static final int RESPONSE_BUFFER_BYTES = 128 * 1024;
    private static final Logger ACCESS = LoggerFactory.getLogger("access");
    private final Javalin app;
    private final List<Route> routes;

    /** One registered endpoint: an HTTP method and Javalin's path, e.g. {@code GET /api/v1/resources/{idOrSlug}}. */
    public record Route(String method, String path) {
    }

    private HttpServer(Javalin app, List<Route> routes) {
        this.app = app;
        this.routes = routes;
    }

    public static HttpServer start(HttpConfig config, Routes routes, ObjectMapper mapper) {
        List<Route> registered = new CopyOnWriteArrayList<>();
        Javalin app = Javalin.create(javalin -> {
            javalin.events.handlerAdded(meta -> {
                if (meta.getHttpMethod().isHttpMethod()) {
                    registered.add(new Route(meta.getHttpMethod().name(), meta.getPath()));
                }
            });
            javalin.jsonMapper(new JavalinJackson(mapper, false));
            javalin.http.maxRequestSize = config.maxBodyBytes();
            // A search answer (about 40 KB) or page fits the buffer whole, so Jetty sends it with its Content-Length
            // rather than chunked from the first write over 8 KB: clients learn the size up front. (Measured side by
            // side, latency is the same either way.)
            javalin.jetty.modifyHttpConfiguration(http -> {
                http.setOutputBufferSize(RESPONSE_BUFFER_BYTES);
                http.setOutputAggregationSize(RESPONSE_BUFFER_BYTES);
            });
            javalin.http.prefer405over404 = true;
            javalin.startup.showJavalinBanner = false;
            ProblemErrorPages errorPages = new ProblemErrorPages(mapper);
            javalin.jetty.modifyServer(server -> server.setErrorHandler(errorPages));
            javalin.jetty.modifyServletContextHandler(context -> context.setErrorHandler(errorPages));
            javalin.routes.before(RequestIds::assign);
            javalin.requestLogger.http((ctx, ms) -> ACCESS.info("{} {} {} {}ms id={}", ctx.method(), ctx.path(),
                    ctx.statusCode(), String.format("%.1f", ms), RequestIds.of(ctx)));
            ErrorHandling.register(javalin);
            routes.register(javalin);
        });
        app.start(config.port());
        return new HttpServer(app, registered);
    }

    /** Every HTTP endpoint registered with Javalin (not before/after handlers), in registration order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
