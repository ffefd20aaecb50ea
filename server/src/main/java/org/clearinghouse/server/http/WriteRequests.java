package org.clearinghouse.server.http;

import io.javalin.http.Context;
import java.util.List;
import org.clearinghouse.server.audit.RequestContext;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.workflow.Precondition;

/** What every write takes from its request: the audit context, and the {@code If-Match} precondition. */
final class WriteRequests {
    static final String IF_MATCH = "If-Match";

    private WriteRequests() {
    }

    static RequestContext context(Context ctx) {
        return new RequestContext(RequestIds.of(ctx), ctx.ip());
    }

    /** The {@code If-Match} header; a write without one is refused (428), so no one overwrites blind. */
    static Precondition ifMatch(Context ctx) {
        String header = ctx.header(IF_MATCH);
        if (header == null || header.isBlank()) {
            throw new HttpProblem(ProblemType.PRECONDITION_REQUIRED,
                    "this write needs If-Match: send the ETag of the record as you read it (GET answers it in ETag)",
                    List.of(new FieldError(IF_MATCH, "is required")));
        }
        return Precondition.parse(header);
    }
}
