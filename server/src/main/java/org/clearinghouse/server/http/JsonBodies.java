package org.clearinghouse.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.TextHygiene;
import org.clearinghouse.server.catalogue.ValidationException;
import org.clearinghouse.server.catalogue.Texts;

/** Reads a JSON request body without trusting its size, its content type or its syntax. */
public final class JsonBodies {
    private final ObjectMapper mapper;
    private final long maxBytes;

    public JsonBodies(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    public JsonNode read(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase().startsWith("application/json")) {
            throw new HttpProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "send the record as application/json, not " + Texts.abbreviate(contentType));
        }
        long declared = ctx.contentLength();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        byte[] body = readLimited(ctx);
        if (body.length == 0) {
            throw new HttpProblem(ProblemType.MALFORMED_REQUEST, "the request body is empty; send a JSON object");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source.*", "").replaceAll("\\s+", " ");
            // Limits (nesting depth, number length) are reported without a location.
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new HttpProblem(ProblemType.MALFORMED_REQUEST, "the body is not valid JSON: " + Texts.abbreviate(reason) + where);
        } catch (IOException e) {
            throw new HttpProblem(ProblemType.MALFORMED_REQUEST, "the body could not be read");
        }
        List<FieldError> errors = new ArrayList<>();
        TextHygiene.check(tree, "", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return tree;
    }

    // Chunked bodies declare no length, so the limit is enforced on the bytes actually read.
    private byte[] readLimited(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new HttpProblem(ProblemType.MALFORMED_REQUEST, "the body could not be read");
        }
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(ProblemType.PAYLOAD_TOO_LARGE, "the body exceeds " + maxBytes + " bytes");
    }
}
