package org.clearinghouse.server.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import org.clearinghouse.server.accounts.Account;
import org.clearinghouse.server.accounts.AccountAdmin;
import org.clearinghouse.server.accounts.Organisation;
import org.clearinghouse.server.audit.Actor;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.ValidationException;

/** {@code /api/v1/admin/...}: organisations and accounts, for admins only (401 without credentials, 403 otherwise). */
public final class AdminController {
    private final AccountAdmin admin;
    private final Authentication authentication;
    private final JsonBodies bodies;

    public AdminController(AccountAdmin admin, Authentication authentication, JsonBodies bodies) {
        this.admin = admin;
        this.authentication = authentication;
        this.bodies = bodies;
    }

    public void createOrganisation(Context ctx) {
        Principal caller = authentication.requireRole(ctx, Role.ADMIN);
        JsonInput input = JsonInput.of(bodies.read(ctx), Set.of("name", "kind", "country", "region"));
        String name = input.text("name", true);
        String kind = input.text("kind", true);
        String country = input.text("country", false);
        String region = input.text("region", false);
        input.done();
        Organisation created = admin.createOrganisation(name, kind, country, region, Actor.of(caller), authentication.context(ctx));
        ctx.header("Location", "/api/v1/admin/organisations/" + created.id());
        ctx.status(201).json(AccountViews.OrganisationView.of(created));
    }

    public void organisations(Context ctx) {
        authentication.requireRole(ctx, Role.ADMIN);
        ctx.json(Map.of("organisations", admin.organisations().stream().map(AccountViews.OrganisationView::of).toList()));
    }

    public void organisation(Context ctx) {
        authentication.requireRole(ctx, Role.ADMIN);
        ctx.json(AccountViews.OrganisationView.of(admin.organisation(TokenController.id(ctx.pathParam("id")))));
    }

    public void createAccount(Context ctx) {
        Principal caller = authentication.requireRole(ctx, Role.ADMIN);
        JsonInput input = JsonInput.of(bodies.read(ctx),
                Set.of("organisation_id", "username", "display_name", "email", "role", "password"));
        Long organisationId = input.number("organisation_id", true);
        String username = input.text("username", true);
        String displayName = input.text("display_name", true);
        String email = input.text("email", false);
        String role = input.text("role", true);
        String password = input.text("password", true);
        input.done();
        Account created = admin.createAccount(organisationId, username, displayName, email, role, password, Actor.of(caller),
                authentication.context(ctx));
        ctx.header("Location", "/api/v1/admin/accounts/" + created.id());
        ctx.status(201).json(AccountViews.AccountView.of(created));
    }

    public void accounts(Context ctx) {
        authentication.requireRole(ctx, Role.ADMIN);
        String organisation = ctx.queryParam("organisation_id");
        Long organisationId = organisation == null ? null : TokenController.id(organisation);
        ctx.json(Map.of("accounts", admin.accounts(organisationId).stream().map(AccountViews.AccountView::of).toList()));
    }

    public void account(Context ctx) {
        authentication.requireRole(ctx, Role.ADMIN);
        ctx.json(AccountViews.AccountView.of(admin.account(TokenController.id(ctx.pathParam("id")))));
    }

    /** PATCH {"role": ...} and/or {"disabled": true|false}: each change is its own audited write. */
    public void updateAccount(Context ctx) {
        Principal caller = authentication.requireRole(ctx, Role.ADMIN);
        long id = TokenController.id(ctx.pathParam("id"));
        JsonInput input = JsonInput.of(bodies.read(ctx), Set.of("role", "disabled"));
        String role = input.text("role", false);
        Boolean disabled = input.bool("disabled");
        input.done();
        if (role == null && disabled == null) {
            throw new ValidationException(java.util.List.of(new FieldError("", "give role and/or disabled")));
        }
        Account account = admin.account(id);
        if (role != null) {
            account = admin.changeRole(id, role, Actor.of(caller), authentication.context(ctx));
        }
        if (disabled != null && disabled != account.disabled()) {
            account = admin.setDisabled(id, disabled, Actor.of(caller), authentication.context(ctx));
        }
        ctx.json(AccountViews.AccountView.of(account));
    }

    public void resetPassword(Context ctx) {
        Principal caller = authentication.requireRole(ctx, Role.ADMIN);
        long id = TokenController.id(ctx.pathParam("id"));
        JsonInput input = JsonInput.of(bodies.read(ctx), Set.of("password"));
        String password = input.text("password", true);
        input.done();
        admin.resetPassword(id, password, Actor.of(caller), authentication.context(ctx));
        ctx.status(204);
    }
}
