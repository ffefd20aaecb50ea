package org.clearinghouse.server.persistence;

import static org.clearinghouse.server.persistence.jooq.Tables.ACCOUNT;
import static org.clearinghouse.server.persistence.jooq.Tables.ORGANISATION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.clearinghouse.server.accounts.Account;
import org.clearinghouse.server.accounts.Organisation;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.persistence.jooq.tables.records.AccountRecord;
import org.clearinghouse.server.persistence.jooq.tables.records.OrganisationRecord;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;

/** Organisations and accounts; password hashes go in and are checked here, never returned in a record. */
public final class AccountRepository {
    private final DSLContext dsl;

    public AccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Organisation createOrganisation(String name, String kind, String country, String region) {
        try {
            return toOrganisation(dsl.insertInto(ORGANISATION)
                    .set(ORGANISATION.NAME, name).set(ORGANISATION.KIND, kind)
                    .set(ORGANISATION.COUNTRY, country).set(ORGANISATION.REGION, region)
                    .returning().fetchSingle());
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    public Account createAccount(long organisationId, String username, String displayName, String email, Role role,
                                 String passwordHash) {
        try {
            return toAccount(dsl.insertInto(ACCOUNT)
                    .set(ACCOUNT.ORGANISATION_ID, organisationId).set(ACCOUNT.USERNAME, username)
                    .set(ACCOUNT.DISPLAY_NAME, displayName).set(ACCOUNT.EMAIL, email)
                    .set(ACCOUNT.ROLE, role.code()).set(ACCOUNT.PASSWORD_HASH, passwordHash)
                    .returning().fetchSingle());
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    public Optional<Organisation> findOrganisation(long id) {
        return dsl.selectFrom(ORGANISATION).where(ORGANISATION.ID.eq(id)).fetchOptional().map(AccountRepository::toOrganisation);
    }

    public List<Organisation> organisations() {
        return dsl.selectFrom(ORGANISATION).orderBy(ORGANISATION.NAME).fetch(AccountRepository::toOrganisation);
    }

    public Optional<Account> findAccount(long id) {
        return dsl.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(id)).fetchOptional().map(AccountRepository::toAccount);
    }

    public Optional<Account> findAccountByUsername(String username) {
        return dsl.selectFrom(ACCOUNT).where(ACCOUNT.USERNAME.eq(username)).fetchOptional().map(AccountRepository::toAccount);
    }

    public boolean anyAccount() {
        return dsl.fetchExists(ACCOUNT);
    }

    /** The principal of an enabled account, with its organisation. */
    public Optional<Principal> findPrincipal(long accountId) {
        return dsl.select(ACCOUNT.asterisk(), ORGANISATION.KIND, ORGANISATION.COUNTRY)
                .from(ACCOUNT).join(ORGANISATION).on(ORGANISATION.ID.eq(ACCOUNT.ORGANISATION_ID))
                .where(ACCOUNT.ID.eq(accountId)).and(ACCOUNT.DISABLED.isFalse())
                .fetchOptional().map(AccountRepository::toPrincipal);
    }

    static Principal toPrincipal(Record r) {
        return new Principal(r.get(ACCOUNT.ID), r.get(ACCOUNT.USERNAME), r.get(ACCOUNT.DISPLAY_NAME),
                Role.fromCode(r.get(ACCOUNT.ROLE)), r.get(ACCOUNT.ORGANISATION_ID), r.get(ORGANISATION.KIND),
                Optional.ofNullable(r.get(ORGANISATION.COUNTRY)));
    }

    static Organisation toOrganisation(OrganisationRecord r) {
        return new Organisation(r.getId(), r.getName(), r.getKind(), Optional.ofNullable(r.getCountry()),
                Optional.ofNullable(r.getRegion()), instant(r.getCreatedAt()));
    }

    static Account toAccount(AccountRecord r) {
        return new Account(r.getId(), r.getOrganisationId(), r.getUsername(), r.getDisplayName(),
                Optional.ofNullable(r.getEmail()), Role.fromCode(r.getRole()), r.getDisabled(), instant(r.getCreatedAt()));
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static RuntimeException translate(DataAccessException e) {
        PSQLException cause = e.getCause(PSQLException.class);
        if (cause != null && "23505".equals(cause.getSQLState()) && cause.getServerErrorMessage() != null) {
            String constraint = String.valueOf(cause.getServerErrorMessage().getConstraint());
            if (constraint.equals("account_username_key")) {
                return new ConflictException("username", "an account with this username already exists", null);
            }
            if (constraint.equals("organisation_name_key")) {
                return new ConflictException("name", "an organisation with this name already exists", null);
            }
        }
        return e;
    }
}
