package org.clearinghouse.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.accounts.AccountAdmin;
import org.clearinghouse.server.accounts.PasswordHasher;
import org.clearinghouse.server.accounts.StoredCredentials;
import org.clearinghouse.server.audit.Actor;
import org.clearinghouse.server.audit.RequestContext;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.persistence.AccountRepository;
import org.clearinghouse.server.support.Accounts;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.MutableClock;
import org.clearinghouse.server.support.TestPostgres;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Account lockout (stored, so it holds across processes), rate limits with Retry-After, and the Secure cookie. */
class AbuseLimitsTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    private static final String JSON = "application/json";
    private static final String PASSWORD = "kofi's long password";

    private Accounts.TestAccount admin;
    private long kofi;

    @BeforeEach
    void accounts() {
        POSTGRES.truncate();
        admin = new Accounts(POSTGRES).create("root", Role.ADMIN, "international_organisation", null);
        AccountAdmin accounts = new AccountAdmin(new AccountRepository(POSTGRES.database().dsl()), new PasswordHasher(),
                Vocabularies.load(org.clearinghouse.server.Json.mapper()));
        kofi = accounts.createAccount(admin.organisation().id(), "kofi", "Kofi", null, "contributor", PASSWORD, Actor.COMMAND,
                RequestContext.command("test")).id();
    }

    private static Http.Response signIn(Http http, String password) {
        return http.post("/api/v1/session", "{\"username\":\"kofi\",\"password\":\"" + password + "\"}", "Content-Type", JSON);
    }

    private StoredCredentials credentials() {
        return new AccountRepository(POSTGRES.database().dsl()).credentials("kofi").orElseThrow();
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountInEveryProcessUntilTheLockoutEnds() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        String[] env = {"CLEARINGHOUSE_SEED", "false", "CLEARINGHOUSE_LOGIN_MAX_FAILURES", "3",
            "CLEARINGHOUSE_LOGIN_LOCKOUT_MINUTES", "10", "CLEARINGHOUSE_PUBLIC_URL", "https://clearinghouse.example.org"};
        try (Application one = POSTGRES.startApplication(clock, env); Application two = POSTGRES.startApplication(clock, env)) {
            Http first = new Http(one.port());
            Http second = new Http(two.port());
            assertEquals(401, signIn(first, "wrong password 1").status());
            assertEquals(401, signIn(second, "wrong password 2").status());
            assertEquals(2, credentials().failedLogins());
            Http.Response third = signIn(first, "wrong password 3");
            assertEquals(401, third.status(), "the failure that locks is answered like any other");
            assertEquals(clock.instant().plus(Duration.ofMinutes(10)), credentials().lockedUntil().orElseThrow());

            for (Http http : List.of(first, second)) {
                for (String password : List.of(PASSWORD, "wrong password 4")) {
                    Http.Response locked = signIn(http, password);
                    assertEquals(423, locked.status(), locked.body());
                    assertEquals("/problems/account-locked", locked.json().path("type").asText());
                    assertEquals("600", locked.header("Retry-After"));
                }
            }
            clock.advance(Duration.ofMinutes(4));
            Http.Response basic = second.post("/api/v1/tokens", "{\"name\":\"x\"}", "Authorization", "Basic "
                    + java.util.Base64.getEncoder().encodeToString(("kofi:" + PASSWORD).getBytes()), "Content-Type", JSON);
            assertEquals(423, basic.status(), "Basic logins honour the lock too");
            assertEquals("360", basic.header("Retry-After"));
            assertEquals(3, credentials().failedLogins(), "attempts while locked neither count nor extend the lock");

            clock.advance(Duration.ofMinutes(6));
            Http.Response signedIn = signIn(first, PASSWORD);
            assertEquals(200, signedIn.status(), signedIn.body());
            assertEquals(0, credentials().failedLogins());
            assertEquals(java.util.Optional.empty(), credentials().lockedUntil());
            assertTrue(List.of(signedIn.header("Set-Cookie").split(";\\s*")).contains("Secure"),
                    "https public URL: " + signedIn.header("Set-Cookie"));

            List<String> reasons = new ArrayList<>();
            for (JsonNode entry : first.get("/api/v1/audit?action=auth.failure", "Authorization", admin.bearer()).json().path("entries")) {
                reasons.add(entry.path("detail").path("reason").asText());
                assertEquals(Long.toString(kofi), entry.path("target_id").asText());
            }
            assertEquals(List.of("bad_password", "bad_password", "bad_password", "account_locked", "account_locked",
                    "account_locked", "account_locked", "account_locked"), reasons);
        }
    }

    @Test
    void writesAndLoginsOverTheirRateAnswer429WithRetryAfter() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        try (Application app = POSTGRES.startApplication(clock, "CLEARINGHOUSE_SEED", "false",
                "CLEARINGHOUSE_RATE_WRITES_PER_ACCOUNT", "3", "CLEARINGHOUSE_RATE_LOGINS_PER_USERNAME", "2",
                "CLEARINGHOUSE_RATE_WRITES_PER_ADDRESS", "1000")) {
            Http http = new Http(app.port());
            for (int i = 0; i < 3; i++) {
                assertEquals(201, http.post("/api/v1/tokens", "{\"name\":\"t" + i + "\"}", "Authorization", admin.bearer(),
                        "Content-Type", JSON).status());
            }
            Http.Response limited = http.post("/api/v1/tokens", "{\"name\":\"t3\"}", "Authorization", admin.bearer(), "Content-Type", JSON);
            assertEquals(429, limited.status(), limited.body());
            assertEquals("/problems/too-many-requests", limited.json().path("type").asText());
            assertEquals("20", limited.header("Retry-After"), "3 a minute: one more every 20 s");
            assertEquals(200, http.get("/api/v1/tokens", "Authorization", admin.bearer()).status(), "reads are not limited");
            clock.advance(Duration.ofSeconds(20));
            assertEquals(201, http.post("/api/v1/tokens", "{\"name\":\"t4\"}", "Authorization", admin.bearer(), "Content-Type", JSON).status());

            assertEquals(401, signIn(http, "wrong password 1").status());
            assertEquals(200, signIn(http, PASSWORD).status());
            Http.Response tooMany = signIn(http, PASSWORD);
            assertEquals(429, tooMany.status(), tooMany.body());
            assertEquals("30", tooMany.header("Retry-After"));
        }
        try (Application app = POSTGRES.startApplication(clock, "CLEARINGHOUSE_SEED", "false", "CLEARINGHOUSE_RATE_WRITES_PER_ADDRESS", "2")) {
            Http http = new Http(app.port());
            assertEquals(401, http.post("/api/v1/tokens", "{}", "Content-Type", JSON).status());
            assertEquals(401, http.post("/api/v1/tokens", "{}", "Content-Type", JSON).status());
            Http.Response limited = http.post("/api/v1/tokens", "{}", "Content-Type", JSON);
            assertEquals(429, limited.status(), "per address, signed in or not");
            assertEquals("30", limited.header("Retry-After"));
        }
    }
}
