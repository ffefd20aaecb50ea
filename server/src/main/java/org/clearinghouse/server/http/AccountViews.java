package org.clearinghouse.server.http;

import java.time.Instant;
import org.clearinghouse.server.accounts.Account;
import org.clearinghouse.server.accounts.ApiToken;
import org.clearinghouse.server.accounts.Organisation;
import org.clearinghouse.server.auth.Principal;

/** The JSON shapes of organisations, accounts, principals and tokens in the API (snake_case; absent when null). */
final class AccountViews {
    private AccountViews() {
    }

    record OrganisationView(long id, String name, String kind, String country, String region, Instant createdAt) {
        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.id(), o.name(), o.kind(), o.country().orElse(null), o.region().orElse(null), o.createdAt());
        }
    }

    record AccountView(long id, long organisationId, String username, String displayName, String email, String role,
                       boolean disabled, Instant createdAt) {
        static AccountView of(Account a) {
            return new AccountView(a.id(), a.organisationId(), a.username(), a.displayName(), a.email().orElse(null),
                    a.role().code(), a.disabled(), a.createdAt());
        }
    }

    record PrincipalView(long id, String username, String displayName, String role, long organisationId,
                         String organisationKind, String organisationCountry) {
        static PrincipalView of(Principal p) {
            return new PrincipalView(p.accountId(), p.username(), p.displayName(), p.role().code(), p.organisationId(),
                    p.organisationKind(), p.organisationCountry().orElse(null));
        }
    }

    /** {@code token} (the secret) is present only in the answer that created it. */
    record TokenView(long id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                     Instant revokedAt, String token) {
        static TokenView of(ApiToken t, String secret) {
            return new TokenView(t.id(), t.name(), t.prefix(), t.createdAt(), t.expiresAt().orElse(null),
                    t.lastUsedAt().orElse(null), t.revokedAt().orElse(null), secret);
        }
    }

    /** Who is signed in; {@code csrf_token} and {@code expires_at} only for a session (not for a Bearer token). */
    record SessionView(PrincipalView account, String authenticatedBy, String csrfToken, Instant expiresAt) {
    }
}
