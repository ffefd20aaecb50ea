package org.clearinghouse.server.oai;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /oai} and {@code POST /oai} (arguments as application/x-www-form-urlencoded): HTTP in, HTTP out.
 * Every answer, protocol errors included, is HTTP 200 with an OAI-PMH document (protocol section 3.1.2.2).
 */
public final class OaiController {
    public static final String CONTENT_TYPE = "text/xml; charset=UTF-8";
    private final OaiService service;

    public OaiController(OaiService service) {
        this.service = service;
    }

    public void handle(Context ctx) {
        Map<String, List<String>> arguments = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> arguments.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        String contentType = ctx.contentType();
        if (ctx.method() == HandlerType.POST && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            ctx.formParamMap().forEach((name, values) -> arguments.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        }
        byte[] body = service.respond(arguments);
        ctx.status(200).contentType(CONTENT_TYPE).result(body);
    }
}
