package org.clearinghouse.server.persistence;

import static org.clearinghouse.server.persistence.jooq.Tables.ACCOUNT;
import static org.clearinghouse.server.persistence.jooq.Tables.API_TOKEN;
import static org.clearinghouse.server.persistence.jooq.Tables.ORGANISATION;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.audit.AuditEvent;
import org.clearinghouse.server.accounts.ApiToken;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.persistence.jooq.tables.records.ApiTokenRecord;
import org.jooq.DSLContext;

/** Personal API tokens, stored as hashes. */
public final class TokenRepository {
    private final DSLContext dsl;
    private final AuditRepository audit;

    public TokenRepository(DSLContext dsl) {
        this(dsl, new AuditRepository(dsl, Json.mapper()));
    }

    public TokenRepository(DSLContext dsl, AuditRepository audit) {
        this.dsl = dsl;
        this.audit = audit;
    }

    /** Stores a new token and its audit line in one transaction. */
    public ApiToken create(long accountId, String name, String prefix, String hash, Optional<Instant> expiresAt,
                           Function<ApiToken, AuditEvent> event) {
        return dsl.transactionResult(c -> {
            ApiToken token = toToken(c.dsl().insertInto(API_TOKEN)
                    .set(API_TOKEN.ACCOUNT_ID, accountId).set(API_TOKEN.NAME, name)
                    .set(API_TOKEN.PREFIX, prefix).set(API_TOKEN.TOKEN_HASH, hash)
                    .set(API_TOKEN.EXPIRES_AT, expiresAt.map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null))
                    .returning().fetchSingle());
            audit.append(c.dsl(), event.apply(token));
            return token;
        });
    }

    /** Revokes the account's active token and appends the audit line, together; false when there is no such token. */
    public boolean revoke(long accountId, long tokenId, Instant now, AuditEvent event) {
        return dsl.transactionResult(c -> {
            boolean revoked = c.dsl().update(API_TOKEN).set(API_TOKEN.REVOKED_AT, now.atOffset(ZoneOffset.UTC))
                    .where(API_TOKEN.ID.eq(tokenId)).and(API_TOKEN.ACCOUNT_ID.eq(accountId)).and(API_TOKEN.REVOKED_AT.isNull())
                    .execute() == 1;
            if (revoked) {
                audit.append(c.dsl(), event);
            }
            return revoked;
        });
    }

    /** The token with this hash whatever its state, and whether its account is disabled (to explain a refusal). */
    public Optional<TokenState> find(String hash) {
        return dsl.select(API_TOKEN.asterisk(), ACCOUNT.DISABLED).from(API_TOKEN).join(ACCOUNT).on(ACCOUNT.ID.eq(API_TOKEN.ACCOUNT_ID))
                .where(API_TOKEN.TOKEN_HASH.eq(hash)).fetchOptional()
                .map(r -> new TokenState(toToken(r.into(API_TOKEN)), r.get(ACCOUNT.DISABLED)));
    }

    public record TokenState(ApiToken token, boolean accountDisabled) {
    }

    public ApiToken create(long accountId, String name, String prefix, String hash, Optional<Instant> expiresAt) {
        return toToken(dsl.insertInto(API_TOKEN)
                .set(API_TOKEN.ACCOUNT_ID, accountId).set(API_TOKEN.NAME, name)
                .set(API_TOKEN.PREFIX, prefix).set(API_TOKEN.TOKEN_HASH, hash)
                .set(API_TOKEN.EXPIRES_AT, expiresAt.map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null))
                .returning().fetchSingle());
    }

    /**
     * The owner of the active token with this hash, recording the use. Revoked or expired tokens and
     * disabled accounts answer empty: revocation takes effect on the very next request.
     */
    public Optional<Principal> useActive(String hash, Instant now) {
        var time = now.atOffset(ZoneOffset.UTC);
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            var found = tx.select(API_TOKEN.ID, ACCOUNT.asterisk(), ORGANISATION.KIND, ORGANISATION.COUNTRY)
                    .from(API_TOKEN).join(ACCOUNT).on(ACCOUNT.ID.eq(API_TOKEN.ACCOUNT_ID))
                    .join(ORGANISATION).on(ORGANISATION.ID.eq(ACCOUNT.ORGANISATION_ID))
                    .where(API_TOKEN.TOKEN_HASH.eq(hash)).and(API_TOKEN.REVOKED_AT.isNull())
                    .and(API_TOKEN.EXPIRES_AT.isNull().or(API_TOKEN.EXPIRES_AT.gt(time)))
                    .and(ACCOUNT.DISABLED.isFalse())
                    .fetchOptional();
            found.ifPresent(r -> tx.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, time)
                    .where(API_TOKEN.ID.eq(r.get(API_TOKEN.ID))).execute());
            return found.map(AccountRepository::toPrincipal);
        });
    }

    public List<ApiToken> ofAccount(long accountId) {
        return dsl.selectFrom(API_TOKEN).where(API_TOKEN.ACCOUNT_ID.eq(accountId))
                .orderBy(API_TOKEN.ID).fetch(TokenRepository::toToken);
    }

    /** Revokes the account's token; false when the account has no such active token. */
    public boolean revoke(long accountId, long tokenId, Instant now) {
        return dsl.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, now.atOffset(ZoneOffset.UTC))
                .where(API_TOKEN.ID.eq(tokenId)).and(API_TOKEN.ACCOUNT_ID.eq(accountId)).and(API_TOKEN.REVOKED_AT.isNull())
                .execute() == 1;
    }

    private static ApiToken toToken(ApiTokenRecord r) {
        return new ApiToken(r.getId(), r.getAccountId(), r.getName(), r.getPrefix(), r.getCreatedAt().toInstant(),
                Optional.ofNullable(AccountRepository.instant(r.getExpiresAt())),
                Optional.ofNullable(AccountRepository.instant(r.getLastUsedAt())),
                Optional.ofNullable(AccountRepository.instant(r.getRevokedAt())));
    }
}
