package org.clearinghouse.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI 3.1 description of the whole HTTP API, read from the classpath once
 * at start (a missing or unreadable document stops the start) and served from memory as written.
 */
public final class OpenApiController {
    /** Where the document lives on the classpath. */
    public static final String RESOURCE = "/openapi/openapi.json";
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";

    private final byte[] document;

    private OpenApiController(byte[] document) {
        this.document = document;
    }

    /** Loads the document and checks that it is a JSON object declaring an OpenAPI version. */
    public static OpenApiController fromClasspath(ObjectMapper mapper) {
        try (InputStream in = OpenApiController.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document is missing from the classpath: " + RESOURCE);
            }
            byte[] bytes = in.readAllBytes();
            JsonNode parsed = mapper.readTree(bytes);
            if (parsed == null || !parsed.path("openapi").isTextual()) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " declares no OpenAPI version");
            }
            return new OpenApiController(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the OpenAPI document " + RESOURCE, e);
        }
    }

    public void serve(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=3600").contentType(CONTENT_TYPE).result(document);
    }
}
