package org.clearinghouse.server.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A test-only web server of the harness's fixture pages ({@code src/test/resources/browser-harness}), uncompressed
 * and with exact lengths, so the harness itself can be checked against known pages and known byte counts.
 */
final class FixtureSite implements Browser.Site {
    static final String RESOURCES = "/browser-harness/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");

    private final HttpServer server;

    private FixtureSite(HttpServer server) {
        this.server = server;
    }

    static FixtureSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", FixtureSite::serve);
            server.start();
            return new FixtureSite(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a fixture file, as served. */
    static byte[] bytes(String name) {
        try (InputStream in = FixtureSite.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring(1);
            String extension = name.substring(name.lastIndexOf('.') + 1);
            if (name.contains("/") || !TYPES.containsKey(extension)
                    || FixtureSite.class.getResource(RESOURCES + name) == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = bytes(name);
            exchange.getResponseHeaders().set("Content-Type", TYPES.get(extension));
            exchange.getResponseHeaders().set("Cache-Control", "max-age=3600");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public String base() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
