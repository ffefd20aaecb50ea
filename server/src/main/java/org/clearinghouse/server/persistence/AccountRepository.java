package org.clearinghouse.server.persistence;

import static org.clearinghouse.server.persistence.jooq.Tables.ACCOUNT;
import static org.clearinghouse.server.persistence.jooq.Tables.ACCOUNT_SESSION;
import static org.clearinghouse.server.persistence.jooq.Tables.ORGANISATION;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.accounts.Account;
import org.clearinghouse.server.accounts.Organisation;
import org.clearinghouse.server.accounts.StoredCredentials;
import org.clearinghouse.server.audit.AuditEvent;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.persistence.jooq.tables.records.AccountRecord;
import org.clearinghouse.server.persistence.jooq.tables.records.OrganisationRecord;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;

/** Organisations and accounts; password hashes go in and are checked here, never returned in a record. */
public final class AccountRepository {
    private final DSLContext dsl;
    private final AuditRepository audit;

    public AccountRepository(DSLContext dsl) {
        this(dsl, new AuditRepository(dsl, Json.mapper()));
    }

    public AccountRepository(DSLContext dsl, AuditRepository audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    /** Creates the organisation and appends its audit line in one transaction. */
    public Organisation createOrganisation(String name, String kind, String country, String region,
                                           Function<Organisation, AuditEvent> event) {
        try {
            return dsl.transactionResult(c -> {
                Organisation created = toOrganisation(c.dsl().insertInto(ORGANISATION)
                        .set(ORGANISATION.NAME, name).set(ORGANISATION.KIND, kind)
                        .set(ORGANISATION.COUNTRY, country).set(ORGANISATION.REGION, region)
                        .returning().fetchSingle());
                audit.append(c.dsl(), event.apply(created));
                return created;
            });
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    /** Creates the account and appends its audit line in one transaction. */
    public Account createAccount(long organisationId, String username, String displayName, String email, Role role,
                                 String passwordHash, Function<Account, AuditEvent> event) {
        try {
            return dsl.transactionResult(c -> {
                Account created = toAccount(c.dsl().insertInto(ACCOUNT)
                        .set(ACCOUNT.ORGANISATION_ID, organisationId).set(ACCOUNT.USERNAME, username)
                        .set(ACCOUNT.DISPLAY_NAME, displayName).set(ACCOUNT.EMAIL, email)
                        .set(ACCOUNT.ROLE, role.code()).set(ACCOUNT.PASSWORD_HASH, passwordHash)
                        .returning().fetchSingle());
                audit.append(c.dsl(), event.apply(created));
                return created;
            });
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    /** Changes the role; the event sees the account before and after. Empty when there is no such account. */
    public Optional<Account> changeRole(long accountId, Role role, BiFunction<Account, Account, AuditEvent> event) {
        return update(accountId, tx -> tx.update(ACCOUNT).set(ACCOUNT.ROLE, role.code()).where(ACCOUNT.ID.eq(accountId)).execute(),
                event);
    }

    /** Disables or enables the account; disabling also ends its sign-in sessions (its tokens stop working too). */
    public Optional<Account> setDisabled(long accountId, boolean disabled, BiFunction<Account, Account, AuditEvent> event) {
        return update(accountId, tx -> {
            tx.update(ACCOUNT).set(ACCOUNT.DISABLED, disabled).where(ACCOUNT.ID.eq(accountId)).execute();
            if (disabled) {
                tx.deleteFrom(ACCOUNT_SESSION).where(ACCOUNT_SESSION.ACCOUNT_ID.eq(accountId)).execute();
            }
            return 1;
        }, event);
    }

    /** Sets a new password hash, clears any lockout and ends the account's sign-in sessions. */
    public Optional<Account> resetPassword(long accountId, String passwordHash, BiFunction<Account, Account, AuditEvent> event) {
        return update(accountId, tx -> {
            tx.update(ACCOUNT).set(ACCOUNT.PASSWORD_HASH, passwordHash).set(ACCOUNT.FAILED_LOGINS, 0)
                    .setNull(ACCOUNT.LOCKED_UNTIL).where(ACCOUNT.ID.eq(accountId)).execute();
            tx.deleteFrom(ACCOUNT_SESSION).where(ACCOUNT_SESSION.ACCOUNT_ID.eq(accountId)).execute();
            return 1;
        }, event);
    }

    private Optional<Account> update(long accountId, Function<DSLContext, Integer> change,
                                     BiFunction<Account, Account, AuditEvent> event) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Optional<Account> before = tx.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).forUpdate()
                    .fetchOptional().map(AccountRepository::toAccount);
            if (before.isEmpty()) {
                return Optional.<Account>empty();
            }
            change.apply(tx);
            Account after = toAccount(tx.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).fetchSingle());
            audit.append(tx, event.apply(before.get(), after));
            return Optional.of(after);
        });
    }

    /** What a password sign-in needs to know about the account with this username. */
    public Optional<StoredCredentials> credentials(String username) {
        return dsl.selectFrom(ACCOUNT).where(ACCOUNT.USERNAME.eq(username)).fetchOptional()
                .map(r -> new StoredCredentials(r.getId(), r.getPasswordHash(), r.getFailedLogins(),
                        Optional.ofNullable(instant(r.getLockedUntil())), r.getDisabled()));
    }

    /**
     * Counts a wrong password, under a row lock so concurrent processes count every failure; the
     * {@code maxFailures}-th consecutive one locks the account until {@code now + lockout}. A lock that has run
     * out starts the count afresh. Returns the lock's end when this failure locked the account.
     */
    public Optional<Instant> recordLoginFailure(long accountId, Instant now, int maxFailures, Duration lockout) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            AccountRecord row = tx.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).forUpdate().fetchSingle();
            Instant lockedUntil = instant(row.getLockedUntil());
            boolean lockExpired = lockedUntil != null && !lockedUntil.isAfter(now);
            int failures = (lockExpired ? 0 : row.getFailedLogins()) + 1;
            Instant newLock = failures >= maxFailures ? now.plus(lockout) : lockExpired ? null : lockedUntil;
            tx.update(ACCOUNT).set(ACCOUNT.FAILED_LOGINS, failures)
                    .set(ACCOUNT.LOCKED_UNTIL, newLock == null ? null : newLock.atOffset(ZoneOffset.UTC))
                    .where(ACCOUNT.ID.eq(accountId)).execute();
            return failures >= maxFailures ? Optional.of(newLock) : Optional.<Instant>empty();
        });
    }

    /** A right password resets the failure count and any expired lock; optionally stores a re-hashed password. */
    public void recordLoginSuccess(long accountId, String rehashed) {
        if (rehashed != null) {
            dsl.update(ACCOUNT).set(ACCOUNT.FAILED_LOGINS, 0).setNull(ACCOUNT.LOCKED_UNTIL).set(ACCOUNT.PASSWORD_HASH, rehashed)
                    .where(ACCOUNT.ID.eq(accountId)).execute();
        } else {
            dsl.update(ACCOUNT).set(ACCOUNT.FAILED_LOGINS, 0).setNull(ACCOUNT.LOCKED_UNTIL)
                    .where(ACCOUNT.ID.eq(accountId)).and(ACCOUNT.FAILED_LOGINS.ne(0).or(ACCOUNT.LOCKED_UNTIL.isNotNull()))
                    .execute();
        }
    }

    public List<Account> accounts(Long organisationId) {
        return dsl.selectFrom(ACCOUNT)
                .where(organisationId == null ? DSL.noCondition() : ACCOUNT.ORGANISATION_ID.eq(organisationId))
                .orderBy(ACCOUNT.ID).fetch(AccountRepository::toAccount);
    }

    public Optional<Organisation> findOrganisationByName(String name) {
        return dsl.selectFrom(ORGANISATION).where(ORGANISATION.NAME.eq(name)).fetchOptional().map(AccountRepository::toOrganisation);
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
