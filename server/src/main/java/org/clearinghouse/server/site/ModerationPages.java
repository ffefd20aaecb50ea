package org.clearinghouse.server.site;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.catalogue.BadParameterException;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.catalogue.ValidationException;
import org.clearinghouse.server.http.Authentication;
import org.clearinghouse.server.workflow.Decision;
import org.clearinghouse.server.workflow.Diff;
import org.clearinghouse.server.workflow.Precondition;
import org.clearinghouse.server.workflow.PreconditionFailedException;
import org.clearinghouse.server.workflow.QueueItem;
import org.clearinghouse.server.workflow.WorkflowService;
import org.clearinghouse.web.Lang;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.view.DiffRow;
import org.clearinghouse.web.view.ErrorView;
import org.clearinghouse.web.view.Link;
import org.clearinghouse.web.view.QueueRow;
import org.clearinghouse.web.view.QueueView;
import org.clearinghouse.web.view.ReviewView;

/**
 * {@code /<lang>/moderation} (the queue, oldest first) and {@code /<lang>/moderation/{slug}/{n}} (the review of a
 * pending revision: field diff, duplicate warnings, approve / request changes / reject with a comment). Moderators
 * only; the decisions are {@link WorkflowService}'s, with the same rules as the API.
 */
public final class ModerationPages {
    private static final String QUEUE = "100";

    private final SitePages pages;
    private final Authentication authentication;
    private final WorkflowService workflow;
    private final AccountPages accounts;
    private final Labels labels;

    ModerationPages(SitePages pages, Authentication authentication, WorkflowService workflow, AccountPages accounts,
                    Labels labels) {
        this.pages = pages;
        this.authentication = authentication;
        this.workflow = workflow;
        this.accounts = accounts;
        this.labels = labels;
    }

    public void queue(Context ctx, Lang lang) {
        Optional<Principal> moderator = moderator(ctx, lang);
        if (moderator.isEmpty()) {
            return;
        }
        Messages t = pages.texts(lang);
        List<QueueRow> rows = new ArrayList<>();
        for (QueueItem item : workflow.queue(moderator.get(), null, null, null, QUEUE, null).results()) {
            rows.add(new QueueRow(item.title(), "/" + lang.code() + "/moderation/" + item.slug() + "/" + item.n(),
                    labels.of("types", item.type(), lang), t.t(item.edit() ? "queue.edit" : "queue.new"), item.author(),
                    item.organisation(), item.submittedAt() == null ? "" : item.submittedAt().toString().substring(0, 10),
                    item.duplicateWarnings().size()));
        }
        pages.html(ctx, 200, "queue.jte", new QueueView(pages.meta(lang, t.t("queue.title"), "/moderation", "account"),
                authentication.csrfToken(ctx).orElse(""), rows, "1".equals(ctx.queryParam("done")) ? t.t("review.done") : null));
    }

    public void review(Context ctx, Lang lang) {
        Optional<Principal> moderator = moderator(ctx, lang);
        if (moderator.isPresent()) {
            showReview(ctx, lang, moderator.get(), 200, null, null, null);
        }
    }

    public void decide(Context ctx, Lang lang) {
        Optional<Principal> moderator = moderator(ctx, lang);
        if (moderator.isEmpty()) {
            return;
        }
        authentication.principal(ctx); // refuses (403) a form without the session's CSRF token
        Messages t = pages.texts(lang);
        String decision = ctx.formParam("decision");
        String comment = ctx.formParam("comment");
        String etag = ctx.formParam("etag");
        Decision chosen;
        try {
            chosen = Decision.valueOf(decision == null ? "" : decision.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            showReview(ctx, lang, moderator.get(), 422, t.t("review.chooseDecision"), decision, comment);
            return;
        }
        int n = revisionNumber(ctx);
        try {
            workflow.decide(ctx.pathParam("slug"), n, chosen, comment == null || comment.isBlank() ? null : comment,
                    moderator.get(), etag == null || etag.isBlank() ? null : Precondition.parse(etag), authentication.context(ctx));
        } catch (PreconditionFailedException e) {
            showReview(ctx, lang, moderator.get(), 412, t.t("review.conflict"), decision, comment);
            return;
        } catch (ValidationException | BadParameterException | ConflictException e) {
            String message = chosen.commentRequired() && (comment == null || comment.isBlank())
                    ? t.t("review.commentRequired") : e.getMessage();
            showReview(ctx, lang, moderator.get(), 422, message, decision, comment);
            return;
        }
        ctx.status(303).header("Location", "/" + lang.code() + "/moderation?done=1");
    }

    private void showReview(Context ctx, Lang lang, Principal moderator, int status, String error, String decision,
                            String comment) {
        Messages t = pages.texts(lang);
        String slug = ctx.pathParam("slug");
        int n = revisionNumber(ctx);
        WorkflowService.RevisionView view;
        try {
            view = workflow.revision(slug, n, Optional.of(moderator));
        } catch (NotFoundException e) {
            pages.notFound(ctx, lang);
            return;
        }
        List<DiffRow> changes = new ArrayList<>();
        try {
            Diff diff = workflow.diff(slug, n, null, Optional.of(moderator));
            diff.changes().forEach(c -> changes.add(new DiffRow(c.path(), text(c.before()), text(c.after()))));
        } catch (NotFoundException | BadParameterException e) {
            // revision 1 has nothing before it: every field is new
            changes.add(new DiffRow("title", "", view.revision().content().title()));
            changes.add(new DiffRow("summary", "", view.revision().content().summary()));
            changes.add(new DiffRow("url", "", view.revision().content().url()));
        }
        List<Link> duplicates = view.revision().duplicateWarnings().stream()
                .map(d -> new Link(d.title() + " (" + Math.round(d.score() * 100) + " %)", "/" + lang.code() + "/resources/" + d.slug()))
                .toList();
        String base = "/" + lang.code() + "/moderation/" + view.resource().slug() + "/" + n;
        pages.html(ctx, status, "review.jte", new ReviewView(
                pages.meta(lang, t.t("review.title", view.revision().content().title()), "/moderation/" + view.resource().slug() + "/" + n, "account"),
                authentication.csrfToken(ctx).orElse(""), view.revision().content().title(),
                "/" + lang.code() + "/resources/" + view.resource().slug(), n, base, view.resource().etag(), changes,
                duplicates, view.revision().reply(), decision, comment, error));
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "";
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static int revisionNumber(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The signed-in moderator, or empty after answering (a redirect to sign in, or 403 for other roles). */
    private Optional<Principal> moderator(Context ctx, Lang lang) {
        Optional<Principal> principal = accounts.signedIn(ctx, lang);
        if (principal.isPresent() && !principal.get().role().canModerate()) {
            Messages t = pages.texts(lang);
            pages.html(ctx, 403, "error.jte", new ErrorView(pages.meta(lang, t.t("error.forbidden"), "/moderation", "account"),
                    403, t.t("error.forbidden"), t.t("error.forbiddenText")));
            return Optional.empty();
        }
        return principal;
    }
}
