package org.clearinghouse.server.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.clearinghouse.server.audit.Actor;
import org.clearinghouse.server.audit.RequestContext;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.catalogue.ValidationException;
import org.clearinghouse.server.persistence.AccountRepository;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * Managing organisations and accounts, for the admin API, the admin command line and the demo accounts alike:
 * validates every field (kinds; countries and regions against the vocabularies; usernames; the password policy),
 * hashes passwords, and audits each write in its transaction, attributed to {@link Actor}.
 */
public final class AccountAdmin {
    public static final List<String> KINDS = List.of("ministry", "national_contact_point", "international_organisation",
            "university", "ngo", "company");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final Vocabularies vocabularies;

    public AccountAdmin(AccountRepository accounts, PasswordHasher hasher, Vocabularies vocabularies) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.vocabularies = vocabularies;
    }

    public Organisation createOrganisation(String name, String kind, String country, String region, Actor actor,
                                           RequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            errors.add(new FieldError("name", "must be 1 to 200 characters"));
        }
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "must be one of " + String.join(", ", KINDS)));
        }
        if (country != null && !vocabularies.isJurisdiction(country)) {
            errors.add(new FieldError("country", "'" + abbreviate(country) + "' is not an ISO 3166-1 alpha-2 country or a body "
                    + "code of the vocabularies (GET /api/v1/vocabularies)"));
        }
        if (region != null && !vocabularies.codes("regions").contains(region)) {
            errors.add(new FieldError("region", "must be one of " + String.join(", ", vocabularies.codes("regions"))));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return accounts.createOrganisation(trimmed, kind, country, region, created -> actor.event("organisation.create",
                "organisation", Long.toString(created.id()), request, details("name", created.name(), "kind", kind,
                        "country", country, "region", region)));
    }

    public Account createAccount(long organisationId, String username, String displayName, String email, String role,
                                 String password, Actor actor, RequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        if (accounts.findOrganisation(organisationId).isEmpty()) {
            errors.add(new FieldError("organisation_id", "no organisation has id " + organisationId));
        }
        if (username == null || !USERNAME.matcher(username).matches()) {
            errors.add(new FieldError("username", "must be 3 to 64 characters: lower-case letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit"));
        }
        String display = displayName == null ? "" : displayName.strip();
        if (display.isEmpty() || display.length() > 200) {
            errors.add(new FieldError("display_name", "must be 1 to 200 characters"));
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError("email", "is not an e-mail address"));
        }
        Optional<Role> parsedRole = role(role);
        if (parsedRole.isEmpty()) {
            errors.add(new FieldError("role", "must be one of contributor, moderator, admin"));
        }
        PasswordPolicy.problem(password, username).ifPresent(problem -> errors.add(new FieldError("password", problem)));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return accounts.createAccount(organisationId, username, display, email, parsedRole.get(), hasher.hash(password),
                created -> actor.event("account.create", "account", Long.toString(created.id()), request,
                        details("username", username, "role", created.role().code(), "organisation_id", organisationId)));
    }

    public List<Organisation> organisations() {
        return accounts.organisations();
    }

    public Organisation organisation(long id) {
        return accounts.findOrganisation(id).orElseThrow(() -> new NotFoundException("no organisation has id " + id));
    }

    /** An organisation by id (all digits) or exact name, for the command line. */
    public Organisation organisation(String idOrName) {
        Optional<Organisation> found = idOrName.matches("\\d{1,18}")
                ? accounts.findOrganisation(Long.parseLong(idOrName)) : Optional.empty();
        return found.or(() -> accounts.findOrganisationByName(idOrName))
                .orElseThrow(() -> new NotFoundException("no organisation is named or numbered '" + abbreviate(idOrName) + "'"));
    }

    public List<Account> accounts(Long organisationId) {
        return accounts.accounts(organisationId);
    }

    public Account account(long id) {
        return accounts.findAccount(id).orElseThrow(() -> new NotFoundException("no account has id " + id));
    }

    public Account changeRole(long accountId, String role, Actor actor, RequestContext request) {
        Role parsed = role(role).orElseThrow(() -> new ValidationException(
                List.of(new FieldError("role", "must be one of contributor, moderator, admin"))));
        if (actor.accountId() != null && actor.accountId() == accountId && parsed != Role.ADMIN) {
            throw new ConflictException("role", "admins cannot take their own admin role away; ask another admin", null);
        }
        return accounts.changeRole(accountId, parsed, (before, after) -> actor.event("account.role_change", "account",
                Long.toString(accountId), request, details("from", before.role().code(), "to", after.role().code())))
                .orElseThrow(() -> new NotFoundException("no account has id " + accountId));
    }

    public Account setDisabled(long accountId, boolean disabled, Actor actor, RequestContext request) {
        if (disabled && actor.accountId() != null && actor.accountId() == accountId) {
            throw new ConflictException("disabled", "admins cannot disable their own account; ask another admin", null);
        }
        return accounts.setDisabled(accountId, disabled, (before, after) -> actor.event(
                        disabled ? "account.disable" : "account.enable", "account", Long.toString(accountId), request, Map.of()))
                .orElseThrow(() -> new NotFoundException("no account has id " + accountId));
    }

    /** Sets a new password, lifts any lockout and ends the account's sessions; the password is never audited. */
    public Account resetPassword(long accountId, String password, Actor actor, RequestContext request) {
        Account account = account(accountId);
        PasswordPolicy.problem(password, account.username()).ifPresent(problem -> {
            throw new ValidationException(List.of(new FieldError("password", problem)));
        });
        return accounts.resetPassword(accountId, hasher.hash(password), (before, after) -> actor.event(
                        "account.password_reset", "account", Long.toString(accountId), request, Map.of()))
                .orElseThrow(() -> new NotFoundException("no account has id " + accountId));
    }

    public boolean anyAccount() {
        return accounts.anyAccount();
    }

    private static Optional<Role> role(String code) {
        return code != null && Set.of("contributor", "moderator", "admin").contains(code)
                ? Optional.of(Role.fromCode(code)) : Optional.empty();
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
