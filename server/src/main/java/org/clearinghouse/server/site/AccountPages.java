package org.clearinghouse.server.site;

import io.javalin.http.Context;
import java.util.Optional;
import org.clearinghouse.server.auth.AccountLockedException;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.auth.TooManyRequestsException;
import org.clearinghouse.server.auth.UnauthorizedException;
import org.clearinghouse.server.http.Authentication;
import org.clearinghouse.server.workflow.Submission;
import org.clearinghouse.server.workflow.WorkflowService;
import org.clearinghouse.web.Lang;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.view.AccountView;
import org.clearinghouse.web.view.SignInView;
import org.clearinghouse.web.view.SubmissionRow;

/**
 * {@code /<lang>/sign-in}, {@code /<lang>/sign-out} and {@code /<lang>/account} (my submissions with their states
 * and the moderators' comments). Signed-in pages are never cached; every form carries the session's CSRF token.
 */
public final class AccountPages {
    private static final String SUBMISSIONS = "100";

    private final SitePages pages;
    private final Authentication authentication;
    private final WorkflowService workflow;

    AccountPages(SitePages pages, Authentication authentication, WorkflowService workflow) {
        this.pages = pages;
        this.authentication = authentication;
        this.workflow = workflow;
    }

    public void signInForm(Context ctx, Lang lang) {
        Messages t = pages.texts(lang);
        ctx.header("Cache-Control", "no-store");
        pages.html(ctx, 200, "signin.jte", new SignInView(pages.meta(lang, t.t("signin.title"), "/sign-in", "account"), null, null));
    }

    public void signIn(Context ctx, Lang lang) {
        Messages t = pages.texts(lang);
        String username = ctx.formParam("username");
        String password = ctx.formParam("password");
        ctx.header("Cache-Control", "no-store");
        String error;
        int status;
        try {
            if (username == null || username.isBlank() || password == null || password.isEmpty()) {
                throw new UnauthorizedException("missing username or password");
            }
            authentication.signIn(ctx, username.trim(), password);
            ctx.status(303).header("Location", "/" + lang.code() + "/account");
            return;
        } catch (AccountLockedException e) {
            error = t.t("signin.locked");
            status = 423;
        } catch (TooManyRequestsException e) {
            error = t.t("signin.tooMany");
            status = 429;
        } catch (UnauthorizedException e) {
            error = t.t("signin.failed");
            status = 401;
        }
        pages.html(ctx, status, "signin.jte", new SignInView(pages.meta(lang, t.t("signin.title"), "/sign-in", "account"),
                username, error));
    }

    public void signOut(Context ctx, Lang lang) {
        authentication.principal(ctx);
        authentication.signOut(ctx);
        ctx.status(303).header("Location", "/" + lang.code() + "/");
    }

    public void account(Context ctx, Lang lang) {
        Optional<Principal> principal = signedIn(ctx, lang);
        if (principal.isEmpty()) {
            return;
        }
        Principal p = principal.get();
        Messages t = pages.texts(lang);
        var rows = workflow.submissions(p, true, SUBMISSIONS, null).results().stream().map(s -> row(s, lang, t)).toList();
        pages.html(ctx, 200, "account.jte", new AccountView(pages.meta(lang, t.t("account.title"), "/account", "account"),
                authentication.csrfToken(ctx).orElse(""), p.displayName(), p.username(), t.t("role." + p.role().code()),
                p.role().canModerate(), rows));
    }

    private static SubmissionRow row(Submission s, Lang lang, Messages t) {
        var r = s.revision();
        return new SubmissionRow(s.title(), "/" + lang.code() + "/resources/" + s.slug(), r.n(), t.t("state." + r.state()),
                r.comment(), r.decidedBy(), r.createdAt() == null ? "" : r.createdAt().toString().substring(0, 10),
                "/" + lang.code() + "/account/edit/" + s.slug());
    }

    /**
     * The signed-in principal, or empty after answering: a redirect to the sign-in page. Signed-in pages are
     * private to their viewer and never stored by caches.
     */
    Optional<Principal> signedIn(Context ctx, Lang lang) {
        ctx.header("Cache-Control", "no-store");
        Optional<Principal> principal = authentication.session(ctx).map(s -> s.principal());
        if (principal.isEmpty()) {
            ctx.status(303).header("Location", "/" + lang.code() + "/sign-in");
        }
        return principal;
    }
}
