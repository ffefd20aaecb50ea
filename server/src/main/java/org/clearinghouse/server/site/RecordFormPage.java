package org.clearinghouse.server.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.server.auth.ForbiddenException;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ValidationException;
import org.clearinghouse.server.http.Authentication;
import org.clearinghouse.server.workflow.Precondition;
import org.clearinghouse.server.workflow.PreconditionFailedException;
import org.clearinghouse.server.workflow.WorkflowService;
import org.clearinghouse.web.Lang;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.view.FormView;

/**
 * {@code /<lang>/account/submit} and {@code /<lang>/account/edit/{slug}}: the record form. It sends the API's JSON
 * through {@link WorkflowService} (the same validation); a refused record comes back with every typed value and
 * each error next to its field. Editing keeps the fields the form does not show (translations, SDG targets).
 */
public final class RecordFormPage {

    private final SitePages pages;
    private final Authentication authentication;
    private final WorkflowService workflow;
    private final AccountPages accounts;
    private final RecordForms forms;
    private final ObjectMapper mapper;

    RecordFormPage(SitePages pages, Authentication authentication, WorkflowService workflow, AccountPages accounts,
                   RecordForms forms, ObjectMapper mapper) {
        this.pages = pages;
        this.authentication = authentication;
        this.workflow = workflow;
        this.accounts = accounts;
        this.forms = forms;
        this.mapper = mapper;
    }

    public void newForm(Context ctx, Lang lang) {
        accounts.signedIn(ctx, lang).ifPresent(p ->
                render(ctx, lang, 200, submitAction(lang), "", pages.texts(lang).t("form.submitTitle"), Map.of("type", "course"), Map.of(), null));
    }

    public void submit(Context ctx, Lang lang) {
        Optional<Principal> principal = accounts.signedIn(ctx, lang);
        if (principal.isEmpty()) {
            return;
        }
        authentication.principal(ctx);
        Messages t = pages.texts(lang);
        Map<String, List<String>> form = ctx.formParamMap();
        try {
            Resource created = workflow.submit(forms.toJson(form, null), principal.get(), authentication.context(ctx));
            ctx.status(303).header("Location", "/" + lang.code() + "/account?submitted=" + created.slug());
        } catch (ValidationException e) {
            render(ctx, lang, 422, submitAction(lang), "", t.t("form.submitTitle"), RecordForms.typed(form),
                    RecordForms.errors(e.errors()), t.t("form.refused"));
        } catch (ConflictException e) {
            render(ctx, lang, 409, submitAction(lang), "", t.t("form.submitTitle"), RecordForms.typed(form),
                    Map.of(e.field(), e.getMessage()), t.t("form.refused"));
        }
    }

    public void editForm(Context ctx, Lang lang) {
        Optional<Principal> principal = accounts.signedIn(ctx, lang);
        if (principal.isEmpty()) {
            return;
        }
        Resource resource;
        try {
            resource = workflow.history(ctx.pathParam("slug"), principal).resource();
        } catch (NotFoundException | ForbiddenException e) {
            pages.notFound(ctx, lang);
            return;
        }
        ObjectNode json = mapper.valueToTree(resource.content());
        render(ctx, lang, 200, editAction(lang, resource.slug()), resource.etag(),
                pages.texts(lang).t("form.editTitle", resource.content().title()), forms.values(json), Map.of(), null);
    }

    public void edit(Context ctx, Lang lang) {
        Optional<Principal> principal = accounts.signedIn(ctx, lang);
        if (principal.isEmpty()) {
            return;
        }
        authentication.principal(ctx);
        Messages t = pages.texts(lang);
        Resource resource;
        try {
            resource = workflow.history(ctx.pathParam("slug"), principal).resource();
        } catch (NotFoundException | ForbiddenException e) {
            pages.notFound(ctx, lang);
            return;
        }
        Map<String, List<String>> form = ctx.formParamMap();
        String etag = ctx.formParam("etag");
        String heading = t.t("form.editTitle", resource.content().title());
        try {
            workflow.edit(resource.slug(), forms.toJson(form, mapper.valueToTree(resource.content())), principal.get(),
                    etag == null || etag.isBlank() ? null : Precondition.parse(etag), authentication.context(ctx));
            ctx.status(303).header("Location", "/" + lang.code() + "/account?submitted=" + resource.slug());
        } catch (ValidationException e) {
            render(ctx, lang, 422, editAction(lang, resource.slug()), etag, heading, RecordForms.typed(form),
                    RecordForms.errors(e.errors()), t.t("form.refused"));
        } catch (ConflictException e) {
            render(ctx, lang, 409, editAction(lang, resource.slug()), etag, heading, RecordForms.typed(form),
                    Map.of(e.field(), e.getMessage()), t.t("form.refused"));
        } catch (PreconditionFailedException e) {
            render(ctx, lang, 412, editAction(lang, resource.slug()), resource.etag(), heading, RecordForms.typed(form),
                    Map.of(), t.t("review.conflict"));
        }
    }

    private void render(Context ctx, Lang lang, int status, String action, String etag, String heading,
                        Map<String, String> values, Map<String, String> errors, String error) {
        Messages t = pages.texts(lang);
        Map<String, String> kept = new LinkedHashMap<>(values);
        kept.remove("csrf");
        pages.html(ctx, status, "form.jte", new FormView(pages.meta(lang, heading, "/account/submit", "account"),
                authentication.csrfToken(ctx).orElse(""), action, etag, heading, kept, forms.choices(kept, lang, t), errors, error));
    }

    private static String submitAction(Lang lang) {
        return "/" + lang.code() + "/account/submit";
    }

    private static String editAction(Lang lang, String slug) {
        return "/" + lang.code() + "/account/edit/" + slug;
    }
}
