package org.clearinghouse.server.persistence;

import static org.clearinghouse.server.persistence.jooq.Tables.ACCOUNT;
import static org.clearinghouse.server.persistence.jooq.Tables.ACCOUNT_SESSION;
import static org.clearinghouse.server.persistence.jooq.Tables.ORGANISATION;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.clearinghouse.server.audit.AuditEvent;
import org.clearinghouse.server.auth.Principal;
import org.jooq.DSLContext;

/** Sign-in sessions, stored by the SHA-256 of their secret. */
public final class SessionRepository {
    private final DSLContext dsl;
    private final AuditRepository audit;

    public SessionRepository(DSLContext dsl, AuditRepository audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    /** A live session: its owner (an enabled account) and its times. */
    public record StoredSession(long id, Principal principal, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
    }

    /** Stores a new session and the sign-in's audit line together. */
    public void create(long accountId, String hash, Instant now, Instant expiresAt, String clientAddress, AuditEvent event) {
        dsl.transaction(c -> {
            c.dsl().insertInto(ACCOUNT_SESSION)
                    .set(ACCOUNT_SESSION.ACCOUNT_ID, accountId).set(ACCOUNT_SESSION.TOKEN_HASH, hash)
                    .set(ACCOUNT_SESSION.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                    .set(ACCOUNT_SESSION.LAST_SEEN_AT, now.atOffset(ZoneOffset.UTC))
                    .set(ACCOUNT_SESSION.EXPIRES_AT, expiresAt.atOffset(ZoneOffset.UTC))
                    .set(ACCOUNT_SESSION.CLIENT_ADDRESS, clientAddress)
                    .execute();
            audit.append(c.dsl(), event);
        });
    }

    /** The session with this hash if it has neither expired nor been idle for {@code idle}, and its account is enabled. */
    public Optional<StoredSession> findActive(String hash, Instant now, Duration idle) {
        var time = now.atOffset(ZoneOffset.UTC);
        return dsl.select(ACCOUNT_SESSION.ID, ACCOUNT_SESSION.CREATED_AT, ACCOUNT_SESSION.LAST_SEEN_AT, ACCOUNT_SESSION.EXPIRES_AT,
                        ACCOUNT.asterisk(), ORGANISATION.KIND, ORGANISATION.COUNTRY)
                .from(ACCOUNT_SESSION).join(ACCOUNT).on(ACCOUNT.ID.eq(ACCOUNT_SESSION.ACCOUNT_ID))
                .join(ORGANISATION).on(ORGANISATION.ID.eq(ACCOUNT.ORGANISATION_ID))
                .where(ACCOUNT_SESSION.TOKEN_HASH.eq(hash))
                .and(ACCOUNT_SESSION.EXPIRES_AT.gt(time))
                .and(ACCOUNT_SESSION.LAST_SEEN_AT.gt(now.minus(idle).atOffset(ZoneOffset.UTC)))
                .and(ACCOUNT.DISABLED.isFalse())
                .fetchOptional()
                .map(r -> new StoredSession(r.get(ACCOUNT_SESSION.ID), AccountRepository.toPrincipal(r),
                        r.get(ACCOUNT_SESSION.CREATED_AT).toInstant(), r.get(ACCOUNT_SESSION.LAST_SEEN_AT).toInstant(),
                        r.get(ACCOUNT_SESSION.EXPIRES_AT).toInstant()));
    }

    public void touch(long id, Instant now) {
        dsl.update(ACCOUNT_SESSION).set(ACCOUNT_SESSION.LAST_SEEN_AT, now.atOffset(ZoneOffset.UTC))
                .where(ACCOUNT_SESSION.ID.eq(id)).execute();
    }

    /** Ends the session with this hash and appends the sign-out's audit line; false when there was none. */
    public boolean delete(String hash, AuditEvent event) {
        return dsl.transactionResult(c -> {
            boolean deleted = c.dsl().deleteFrom(ACCOUNT_SESSION).where(ACCOUNT_SESSION.TOKEN_HASH.eq(hash)).execute() == 1;
            if (deleted) {
                audit.append(c.dsl(), event);
            }
            return deleted;
        });
    }

    /** Forgets sessions that can no longer be used; returns how many. */
    public int deleteStale(Instant now, Duration idle) {
        return dsl.deleteFrom(ACCOUNT_SESSION)
                .where(ACCOUNT_SESSION.EXPIRES_AT.le(now.atOffset(ZoneOffset.UTC)))
                .or(ACCOUNT_SESSION.LAST_SEEN_AT.le(now.minus(idle).atOffset(ZoneOffset.UTC)))
                .execute();
    }
}
