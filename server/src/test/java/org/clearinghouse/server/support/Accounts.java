package org.clearinghouse.server.support;

import java.time.Clock;
import java.util.Optional;
import org.clearinghouse.server.accounts.Account;
import org.clearinghouse.server.accounts.ApiTokens;
import org.clearinghouse.server.accounts.Organisation;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.persistence.AccountRepository;
import org.clearinghouse.server.persistence.TokenRepository;

/** Creates organisations, accounts and API tokens straight in a test database. */
public final class Accounts {
    /** Tests authenticate with tokens; this stands where a real password hash would be. */
    private static final String NO_PASSWORD = "!test-account-without-password";

    private final AccountRepository accounts;
    private final ApiTokens tokens;

    public Accounts(TestPostgres postgres) {
        this.accounts = new AccountRepository(postgres.database().dsl());
        this.tokens = new ApiTokens(new TokenRepository(postgres.database().dsl()), Clock.systemUTC());
    }

    public record TestAccount(Organisation organisation, Account account, String token) {
        public String bearer() {
            return "Bearer " + token;
        }
    }

    public Organisation organisation(String name, String kind, String country) {
        return accounts.createOrganisation(name, kind, country, null);
    }

    public TestAccount account(Organisation organisation, String username, Role role) {
        Account account = accounts.createAccount(organisation.id(), username, username, null, role, NO_PASSWORD);
        return new TestAccount(organisation, account, tokens.issue(account.id(), "test", Optional.empty()).secret());
    }

    /** A fresh organisation (country may be null) with one account of this role. */
    public TestAccount create(String username, Role role, String organisationKind, String country) {
        return account(organisation(username + "'s organisation", organisationKind, country), username, role);
    }
}
