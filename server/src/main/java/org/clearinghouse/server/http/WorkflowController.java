package org.clearinghouse.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.catalogue.BadParameterException;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.ValidationException;
import org.clearinghouse.server.workflow.Decision;
import org.clearinghouse.server.workflow.Page;
import org.clearinghouse.server.workflow.WorkflowService;

/** Editing, moderation, revisions, submissions and the queue: HTTP in and out; {@link WorkflowService} decides. */
public final class WorkflowController {
    private final WorkflowService workflow;
    private final Authentication authentication;
    private final JsonBodies bodies;

    public WorkflowController(WorkflowService workflow, Authentication authentication, JsonBodies bodies) {
        this.workflow = workflow;
        this.authentication = authentication;
        this.bodies = bodies;
    }

    /** {@code PUT /resources/{idOrSlug}}: the whole record, with If-Match; answers the revision it became. */
    public void edit(Context ctx) {
        Principal author = authentication.require(ctx);
        JsonNode body = bodies.read(ctx);
        WorkflowService.Outcome outcome = workflow.edit(ctx.pathParam("idOrSlug"), body, author,
                WriteRequests.ifMatch(ctx), WriteRequests.context(ctx));
        answer(ctx, outcome, outcome.revision());
    }

    public void approve(Context ctx) {
        decide(ctx, Decision.APPROVE);
    }

    public void reject(Context ctx) {
        decide(ctx, Decision.REJECT);
    }

    public void requestChanges(Context ctx) {
        decide(ctx, Decision.REQUEST_CHANGES);
    }

    private void decide(Context ctx, Decision decision) {
        Principal moderator = authentication.require(ctx);
        String comment = comment(bodies.read(ctx));
        WorkflowService.Outcome outcome = workflow.decide(ctx.pathParam("idOrSlug"), revisionNumber(ctx), decision, comment,
                moderator, WriteRequests.ifMatch(ctx), WriteRequests.context(ctx));
        answer(ctx, outcome, outcome.revision());
    }

    public void resubmit(Context ctx) {
        Principal author = authentication.require(ctx);
        JsonNode body = bodies.read(ctx);
        WorkflowService.Outcome outcome = workflow.resubmit(ctx.pathParam("idOrSlug"), revisionNumber(ctx), body, author,
                WriteRequests.ifMatch(ctx), WriteRequests.context(ctx));
        answer(ctx, outcome, outcome.revision());
    }

    public void withdraw(Context ctx) {
        Principal moderator = authentication.require(ctx);
        String comment = comment(bodies.read(ctx));
        WorkflowService.Outcome outcome = workflow.withdraw(ctx.pathParam("idOrSlug"), comment, moderator,
                WriteRequests.ifMatch(ctx), WriteRequests.context(ctx));
        answer(ctx, outcome, outcome.resource());
    }

    public void validate(Context ctx) {
        Principal reviewer = authentication.require(ctx);
        WorkflowService.Outcome outcome = workflow.validate(ctx.pathParam("idOrSlug"), reviewer,
                WriteRequests.ifMatch(ctx), WriteRequests.context(ctx));
        answer(ctx, outcome, outcome.resource());
    }

    public void revisions(Context ctx) {
        WorkflowService.HistoryView history = workflow.history(ctx.pathParam("idOrSlug"), authentication.principal(ctx));
        ctx.header("ETag", history.resource().etag())
                .json(Map.of("resource_id", history.resource().id(), "status", history.resource().status(),
                        "revisions", history.revisions()));
    }

    public void revision(Context ctx) {
        WorkflowService.RevisionView view = workflow.revision(ctx.pathParam("idOrSlug"), revisionNumber(ctx),
                authentication.principal(ctx));
        ctx.header("ETag", view.resource().etag()).json(view.revision());
    }

    public void diff(Context ctx) {
        String against = ctx.queryParam("against");
        Integer other = against == null ? null : number("against", against);
        ctx.json(workflow.diff(ctx.pathParam("idOrSlug"), revisionNumber(ctx), other, authentication.principal(ctx)));
    }

    public void submissions(Context ctx) {
        Principal principal = authentication.require(ctx);
        String mine = ctx.queryParam("mine");
        if (mine != null && !mine.equals("true") && !mine.equals("false")) {
            throw new BadParameterException("mine", "must be true (your own revisions) or false (your organisation's)");
        }
        page(ctx, workflow.submissions(principal, !"false".equals(mine), ctx.queryParam("limit"), ctx.queryParam("cursor")));
    }

    public void queue(Context ctx) {
        Principal principal = authentication.require(ctx);
        page(ctx, workflow.queue(principal, ctx.queryParam("type"), ctx.queryParam("country"),
                ctx.queryParam("organisation"), ctx.queryParam("limit"), ctx.queryParam("cursor")));
    }

    private static void page(Context ctx, Page<?> page) {
        ctx.json(new PageResponse(page.results(), page.nextCursor()));
    }

    /** {@code next_cursor} is always present: null on the last page. */
    record PageResponse(List<?> results, @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS) String nextCursor) {
    }

    private static void answer(Context ctx, WorkflowService.Outcome outcome, Object body) {
        ctx.header("ETag", outcome.resource().etag()).json(body);
    }

    /** {@code {"comment": "..."}} (an empty object when there is nothing to say). */
    private static String comment(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw new ValidationException(List.of(new FieldError("(body)", "must be a JSON object: {\"comment\": \"...\"}")));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("comment")) {
                errors.add(new FieldError(name, "is not a field of a decision (comment)"));
            }
        });
        JsonNode comment = body.get("comment");
        if (comment != null && !comment.isNull() && !comment.isTextual()) {
            errors.add(new FieldError("comment", "must be a string"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return comment == null || comment.isNull() ? null : comment.asText();
    }

    private static int revisionNumber(Context ctx) {
        return number("n", ctx.pathParam("n"));
    }

    private static int number(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameterException(name, "must be a revision number (1, 2, ...)");
    }
}
