package org.clearinghouse.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.clearinghouse.server.auth.AccountLockedException;
import org.clearinghouse.server.auth.ForbiddenException;
import org.clearinghouse.server.auth.TooManyRequestsException;
import org.clearinghouse.server.auth.UnauthorizedException;
import org.clearinghouse.server.catalogue.BadParameterException;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.catalogue.ValidationException;
import org.clearinghouse.server.workflow.PreconditionFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into an RFC 9457 problem; nothing internal (stack, SQL) ever reaches a client. */
public final class ErrorHandling {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {
    }

    static void register(JavalinConfig config) {
        config.routes.exception(HttpProblem.class, (e, ctx) -> send(ctx, e.type(), e.getMessage(), e.errors()));
        config.routes.exception(ValidationException.class, (e, ctx) ->
                send(ctx, ProblemType.VALIDATION_FAILED, e.errors().size() + " field(s) of the record are invalid", e.errors()));
        config.routes.exception(BadParameterException.class, (e, ctx) ->
                send(ctx, ProblemType.INVALID_PARAMETER, e.parameter() + ": " + e.getMessage(),
                        List.of(new FieldError(e.parameter(), e.getMessage()))));
        config.routes.exception(UnauthorizedException.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"clearinghouse\"");
            send(ctx, ProblemType.UNAUTHORIZED, e.getMessage(), List.of());
        });
        config.routes.exception(TooManyRequestsException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            send(ctx, ProblemType.TOO_MANY_REQUESTS, e.getMessage(), List.of());
        });
        config.routes.exception(AccountLockedException.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            send(ctx, ProblemType.ACCOUNT_LOCKED, e.getMessage(), List.of());
        });
        config.routes.exception(ForbiddenException.class, (e, ctx) -> send(ctx, ProblemType.FORBIDDEN, e.getMessage(), List.of()));
        config.routes.exception(PreconditionFailedException.class, (e, ctx) -> {
            ctx.header("ETag", e.current());
            send(ctx, ProblemType.PRECONDITION_FAILED, e.getMessage(), List.of(new FieldError("If-Match", "is not the record's current ETag")));
        });
        config.routes.exception(NotFoundException.class, (e, ctx) -> send(ctx, ProblemType.NOT_FOUND, e.getMessage(), List.of()));
        config.routes.exception(ConflictException.class, (e, ctx) -> {
            Problem problem = problem(ctx, ProblemType.CONFLICT, e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())));
            ctx.status(problem.status()).json(e.existing() == null ? problem : problem.withExisting("/api/v1/resources/" + e.existing()));
            ctx.contentType(Problem.CONTENT_TYPE);
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, typeFor(e.getStatus()), e.getMessage(), List.of()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed (request id {})", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
            send(ctx, ProblemType.INTERNAL, "an unexpected error occurred; quote request id " + RequestIds.of(ctx), List.of());
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null) {
                send(ctx, ProblemType.NOT_FOUND, "no such endpoint: " + ctx.method() + " " + ctx.path(), List.of());
            }
        });
        config.routes.error(405, ctx -> {
            if (ctx.result() == null) {
                send(ctx, ProblemType.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path(), List.of());
            }
        });
    }

    private static ProblemType typeFor(int status) {
        for (ProblemType type : ProblemType.values()) {
            if (type.status() == status) {
                return type;
            }
        }
        return status >= 500 ? ProblemType.INTERNAL : ProblemType.MALFORMED_REQUEST;
    }

    static void send(Context ctx, ProblemType type, String detail, List<FieldError> errors) {
        Problem problem = problem(ctx, type, detail, errors);
        ctx.status(problem.status()).json(problem);
        ctx.contentType(Problem.CONTENT_TYPE);
    }

    private static Problem problem(Context ctx, ProblemType type, String detail, List<FieldError> errors) {
        return Problem.of(type, detail, ctx.path(), errors, RequestIds.of(ctx));
    }
}
