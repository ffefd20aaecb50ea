package org.clearinghouse.server.http;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.Texts;
import org.clearinghouse.server.exchange.ExportFormat;
import org.clearinghouse.server.exchange.ImportTemplate;
import org.clearinghouse.server.workflow.BulkImport;

/** {@code /api/v1/imports}: bulk import of CSV or JSON Lines, and the CSV template. */
public final class ImportController {
    /** An import body: 10,000 rows of up to a few KiB each fit with room to spare. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final List<String> JSON_LINES = List.of("application/x-ndjson", "application/jsonl", "application/json-lines",
            "application/x-jsonlines");

    private final BulkImport imports;
    private final Authentication authentication;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    public ImportController(BulkImport imports, Authentication authentication, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.imports = imports;
        this.authentication = authentication;
        this.mapper = mapper;
    }

    /** The per-row report, 200 even when rows were rejected (each says why). */
    public void run(Context ctx) {
        Principal author = authentication.require(ctx);
        ExportFormat format = format(ctx.contentType());
        byte[] body = read(ctx);
        try {
            ctx.json(imports.run(new ByteArrayInputStream(body), format, author, WriteRequests.context(ctx)));
        } catch (BulkImport.TooManyRowsException e) {
            throw new HttpProblem(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage(),
                    List.of(new FieldError("(body)", "has more than " + BulkImport.MAX_ROWS + " rows")));
        }
    }

    public void template(Context ctx) {
        ctx.header("Content-Disposition", "attachment; filename=\"clearinghouse-import-template.csv\"")
                .contentType("text/csv; charset=utf-8").result(ImportTemplate.csv(mapper));
    }

    private static ExportFormat format(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals("text/csv")) {
            return ExportFormat.CSV;
        }
        if (JSON_LINES.contains(type)) {
            return ExportFormat.JSONL;
        }
        throw new HttpProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send text/csv or application/x-ndjson (JSON Lines), not '"
                + Texts.abbreviate(type) + "'");
    }

    private static byte[] read(Context ctx) {
        if (ctx.contentLength() > MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge();
            }
            if (bytes.length == 0) {
                throw new HttpProblem(ProblemType.MALFORMED_REQUEST, "the body is empty: send the rows to import");
            }
            return bytes;
        } catch (IOException e) {
            throw new HttpProblem(ProblemType.MALFORMED_REQUEST, "the body could not be read");
        }
    }

    private static HttpProblem tooLarge() {
        return new HttpProblem(ProblemType.PAYLOAD_TOO_LARGE, "an import body is at most " + MAX_BYTES + " bytes",
                List.of(new FieldError("(body)", "exceeds " + MAX_BYTES + " bytes")));
    }
}
