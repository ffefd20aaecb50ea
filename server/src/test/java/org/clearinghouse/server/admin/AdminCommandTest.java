package org.clearinghouse.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.accounts.Account;
import org.clearinghouse.server.accounts.Organisation;
import org.clearinghouse.server.accounts.PasswordHasher;
import org.clearinghouse.server.audit.AuditEntry;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.config.AppConfig;
import org.clearinghouse.server.persistence.AccountRepository;
import org.clearinghouse.server.persistence.AuditRepository;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin command line against a real PostgreSQL given as DATABASE_URL. */
class AdminCommandTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void empty() {
        POSTGRES.truncate();
    }

    private int run(String stdin, Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        Map<String, String> settings = new HashMap<>(env);
        settings.put("DATABASE_URL", POSTGRES.jdbcUrl());
        settings.put("DATABASE_USER", POSTGRES.user());
        return AdminCommand.run(AppConfig.fromEnv(settings), List.of(args), settings,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createsAnOrganisationAndAnAdminWithThePasswordFromStandardInput() {
        assertEquals(0, run("", Map.of(), "create-organisation", "--name", "Kenya Ministry of Education", "--kind", "ministry",
                "--country", "KE"), err());
        assertEquals("created organisation 1 'Kenya Ministry of Education' (ministry, KE)\n", out());
        assertEquals(0, run("a long admin password\n", Map.of(), "create-account", "--organisation", "Kenya Ministry of Education",
                "--username", "wanjiru", "--display-name", "Wanjiru Kamau", "--role", "admin", "--email", "w@example.org"), err());
        assertEquals("created account 1 'wanjiru' (admin) in organisation 'Kenya Ministry of Education'\n", out());

        AccountRepository accounts = new AccountRepository(POSTGRES.database().dsl());
        Organisation organisation = accounts.organisations().get(0);
        assertEquals(java.util.Optional.of("KE"), organisation.country());
        Account account = accounts.findAccountByUsername("wanjiru").orElseThrow();
        assertEquals(Role.ADMIN, account.role());
        assertEquals(organisation.id(), account.organisationId());
        String hash = accounts.credentials("wanjiru").orElseThrow().passwordHash();
        assertTrue(hash.startsWith(PasswordHasher.PREFIX), hash);
        assertTrue(new PasswordHasher().verify("a long admin password", hash));

        List<AuditEntry> audit = new AuditRepository(POSTGRES.database().dsl(), Json.mapper()).list(AuditRepository.Filter.all(), 0, 10);
        assertEquals(List.of("organisation.create", "account.create"), audit.stream().map(AuditEntry::action).toList());
        for (AuditEntry entry : audit) {
            assertEquals("command", entry.actorName());
            assertEquals(null, entry.actorId());
            assertEquals("local", entry.clientAddress());
        }
        assertEquals("1", audit.get(1).targetId());
        assertEquals("account", audit.get(1).targetType());
        assertEquals("command:admin create-account", audit.get(1).requestId());
        assertTrue(!audit.get(1).detail().toString().contains("a long admin password"));
    }

    @Test
    void thePasswordMayComeFromTheEnvironmentAndTheOrganisationByItsId() {
        run("", Map.of(), "create-organisation", "--name=Université de Dakar", "--kind=university", "--region", "africa");
        assertEquals(0, run("", Map.of(AdminCommand.PASSWORD_VARIABLE, "from the environment"), "create-account",
                "--organisation", "1", "--username", "moussa", "--display-name", "Moussa", "--role", "moderator"), err());
        assertTrue(new PasswordHasher().verify("from the environment",
                new AccountRepository(POSTGRES.database().dsl()).credentials("moussa").orElseThrow().passwordHash()));
    }

    @Test
    void badCodesAreRefusedWithMessagesNamingTheOptions() {
        assertEquals(1, run("", Map.of(), "create-organisation", "--name", "Acme", "--kind", "charity", "--country", "XX"));
        assertEquals("error: --kind must be one of ministry, national_contact_point, international_organisation, university, ngo, company\n"
                + "error: --country 'XX' is not an ISO 3166-1 alpha-2 country or a body code of the vocabularies "
                + "(GET /api/v1/vocabularies)\n", err());
        assertEquals(2, run("", Map.of(), "create-organisation", "--name", "Acme"));
        assertTrue(err().startsWith("error: --kind is required\nusage:"), err());
        assertEquals(2, run("", Map.of(), "create-organisation", "--name", "Acme", "--kind", "ngo", "--password", "x"));
        assertTrue(err().startsWith("error: unknown option --password\n"), err());
        assertEquals(2, run("", Map.of(), "delete-everything"));
        assertEquals(List.of(), new AccountRepository(POSTGRES.database().dsl()).organisations());
    }

    @Test
    void duplicatesWeakPasswordsAndUnknownOrganisationsAreRefused() {
        assertEquals(0, run("", Map.of(), "create-organisation", "--name", "Acme", "--kind", "company"));
        assertEquals(1, run("", Map.of(), "create-organisation", "--name", "Acme", "--kind", "company"));
        assertEquals("error: an organisation with this name already exists\n", err());

        assertEquals(1, run("short\n", Map.of(), "create-account", "--organisation", "Acme", "--username", "bob",
                "--display-name", "Bob", "--role", "contributor"));
        assertEquals("error: the password must be at least 12 characters\n", err());
        assertEquals(1, run("long enough password\n", Map.of(), "create-account", "--organisation", "Nobody", "--username", "bob",
                "--display-name", "Bob", "--role", "contributor"));
        assertEquals("error: no organisation is named or numbered 'Nobody'\n", err());
        assertEquals(1, run("long enough password\n", Map.of(), "create-account", "--organisation", "Acme", "--username", "bob",
                "--display-name", "Bob", "--role", "superuser"));
        assertEquals("error: --role must be one of contributor, moderator, admin\n", err());

        assertEquals(0, run("long enough password\n", Map.of(), "create-account", "--organisation", "Acme", "--username", "bob",
                "--display-name", "Bob", "--role", "contributor"), err());
        assertEquals(1, run("another long password\n", Map.of(), "create-account", "--organisation", "Acme", "--username", "bob",
                "--display-name", "Bob again", "--role", "contributor"));
        assertEquals("error: an account with this username already exists\n", err());
        assertEquals(1, new AccountRepository(POSTGRES.database().dsl()).accounts(null).size());
    }
}
