package org.clearinghouse.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error pages (requests it refuses before Javalin sees them: a NUL or invalid UTF-8 in the path, headers
 * or a URI too large) as RFC 9457 problems instead of HTML. Nothing of the request is echoed: it was not readable.
 */
final class ProblemErrorPages extends ErrorHandler {
    private final ObjectMapper mapper;

    ProblemErrorPages(ObjectMapper mapper) {
        this.mapper = mapper;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object status = request.getAttribute(ERROR_STATUS);
        int code = status instanceof Integer given ? given : response.getStatus();
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(ERROR_CACHE_CONTROL);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE));
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        ProblemType type = ErrorHandling.typeFor(status);
        Problem problem = new Problem(Problem.TYPE_BASE + type.slug(), type.title(), status, detail(status), null, null,
                UUID.randomUUID().toString(), null);
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request line or a header could not be read (a path must be valid UTF-8 without control characters)";
            case 414 -> "the request URI is too long";
            case 431 -> "the request headers are too large";
            default -> "the request was refused before it could be read (HTTP " + status + ")";
        };
    }
}
