package org.clearinghouse.server.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.persistence.AccountRepository;
import org.clearinghouse.server.support.Accounts;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DemoAccountsTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    @BeforeEach
    void empty() {
        POSTGRES.truncate();
    }

    private List<String> usernames() {
        return new AccountRepository(POSTGRES.database().dsl()).accounts(null).stream().map(Account::username).toList();
    }

    @Test
    void anEmptyDatabaseGetsTheDemoModeratorAndContributorWhoCanSignIn() {
        try (Application app = POSTGRES.startApplication("CLEARINGHOUSE_SEED", "false", "CLEARINGHOUSE_DEMO_ACCOUNTS", "true")) {
            assertEquals(List.of(DemoAccounts.MODERATOR, DemoAccounts.CONTRIBUTOR), usernames());
            AccountRepository accounts = new AccountRepository(POSTGRES.database().dsl());
            assertEquals(Role.MODERATOR, accounts.findAccountByUsername("demo-moderator").orElseThrow().role());
            assertEquals(Role.CONTRIBUTOR, accounts.findAccountByUsername("demo-contributor").orElseThrow().role());
            assertEquals(List.of("Demo organisation"), accounts.organisations().stream().map(Organisation::name).toList());
            Http.Response signIn = new Http(app.port()).post("/api/v1/session",
                    "{\"username\":\"demo-contributor\",\"password\":\"demo-contributor-password\"}", "Content-Type", "application/json");
            assertEquals(200, signIn.status(), signIn.body());
        }
        try (Application again = POSTGRES.startApplication("CLEARINGHOUSE_SEED", "false", "CLEARINGHOUSE_DEMO_ACCOUNTS", "true")) {
            assertEquals(List.of(DemoAccounts.MODERATOR, DemoAccounts.CONTRIBUTOR), usernames(), "made once");
        }
    }

    @Test
    void noDemoAccountsWhenAnyAccountExistsOrWhenTurnedOff() {
        try (Application off = POSTGRES.startApplication("CLEARINGHOUSE_SEED", "false", "CLEARINGHOUSE_DEMO_ACCOUNTS", "false")) {
            assertEquals(List.of(), usernames());
        }
        new Accounts(POSTGRES).create("first-admin", Role.ADMIN, "ministry", "KE");
        try (Application app = POSTGRES.startApplication("CLEARINGHOUSE_SEED", "false", "CLEARINGHOUSE_DEMO_ACCOUNTS", "true")) {
            assertEquals(List.of("first-admin"), usernames());
        }
    }
}
