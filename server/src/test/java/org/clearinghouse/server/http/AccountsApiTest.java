package org.clearinghouse.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.support.Accounts;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.MutableClock;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Organisations, accounts, sign-in, tokens and the audit trail through the HTTP API, on a real PostgreSQL. */
class AccountsApiTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    private static final String JSON = "application/json";
    private static final String PASSWORD = "amina's long password";

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private static Application app;
    private static Http http;
    private Accounts.TestAccount admin;

    @BeforeAll
    static void start() {
        // Rate limits and lockout have their own test (AbuseLimitsTest); here they would only count across tests.
        app = POSTGRES.startApplication(CLOCK, "CLEARINGHOUSE_SEED", "false", "CLEARINGHOUSE_RATE_LOGINS_PER_USERNAME", "0",
                "CLEARINGHOUSE_RATE_LOGINS_PER_ADDRESS", "0");
        http = new Http(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void freshAccounts() {
        POSTGRES.truncate();
        admin = new Accounts(POSTGRES).create("root", Role.ADMIN, "international_organisation", null);
    }

    private Http.Response asAdmin(String method, String path, String body) {
        return http.send(method, path, body, "Authorization", admin.bearer(), "Content-Type", JSON);
    }

    /** The admin makes an organisation and a contributor "amina" with {@link #PASSWORD}; returns the account id. */
    private long contributor() {
        Http.Response org = asAdmin("POST", "/api/v1/admin/organisations",
                "{\"name\":\"Kenya ICT Authority\",\"kind\":\"ministry\",\"country\":\"KE\"}");
        assertEquals(201, org.status(), org.body());
        Http.Response account = asAdmin("POST", "/api/v1/admin/accounts", "{\"organisation_id\":" + org.json().path("id").asLong()
                + ",\"username\":\"amina\",\"display_name\":\"Amina W.\",\"role\":\"contributor\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, account.status(), account.body());
        return account.json().path("id").asLong();
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private List<JsonNode> auditEntries(String query) {
        Http.Response response = http.get("/api/v1/audit?" + query, "Authorization", admin.bearer());
        assertEquals(200, response.status(), response.body());
        List<JsonNode> entries = new ArrayList<>();
        response.json().path("entries").forEach(entries::add);
        return entries;
    }

    private static void assertProblem(Http.Response response, int status, String type) {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type").split(";")[0]);
        assertEquals("/problems/" + type, response.json().path("type").asText());
        assertEquals(response.header("X-Request-Id"), response.json().path("request_id").asText());
    }

    @Test
    void anAdminCreatesAnOrganisationAndAContributorWhoGetsATokenWithBasicAuthAndUsesIt() {
        Http.Response org = asAdmin("POST", "/api/v1/admin/organisations",
                "{\"name\":\"Kenya ICT Authority\",\"kind\":\"ministry\",\"country\":\"KE\",\"region\":\"africa\"}");
        assertEquals(201, org.status(), org.body());
        long orgId = org.json().path("id").asLong();
        assertEquals("/api/v1/admin/organisations/" + orgId, org.header("Location"));
        assertEquals("Kenya ICT Authority", org.json().path("name").asText());
        assertEquals("KE", org.json().path("country").asText());
        String orgRequest = org.header("X-Request-Id");

        Http.Response account = asAdmin("POST", "/api/v1/admin/accounts", "{\"organisation_id\":" + orgId
                + ",\"username\":\"amina\",\"display_name\":\"Amina W.\",\"email\":\"amina@example.org\",\"role\":\"contributor\","
                + "\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, account.status(), account.body());
        long aminaId = account.json().path("id").asLong();
        assertEquals("contributor", account.json().path("role").asText());
        assertFalse(account.body().contains("password"), account.body());

        Http.Response created = http.post("/api/v1/tokens", "{\"name\":\"my script\"}", "Authorization", basic("amina", PASSWORD),
                "Content-Type", JSON);
        assertEquals(201, created.status(), created.body());
        String secret = created.json().path("token").asText();
        assertTrue(secret.startsWith("ch_"), secret);
        assertEquals(secret.substring(0, 10), created.json().path("prefix").asText());
        assertEquals("no-store", created.header("Cache-Control"));
        long tokenId = created.json().path("id").asLong();
        assertEquals("/api/v1/tokens/" + tokenId, created.header("Location"));

        Http.Response me = http.get("/api/v1/session", "Authorization", "Bearer " + secret);
        assertEquals(200, me.status(), me.body());
        assertEquals("amina", me.json().path("account").path("username").asText());
        assertEquals("token", me.json().path("authenticated_by").asText());
        assertEquals(orgId, me.json().path("account").path("organisation_id").asLong());
        assertTrue(me.json().path("csrf_token").isMissingNode());

        Http.Response list = http.get("/api/v1/tokens", "Authorization", "Bearer " + secret);
        assertEquals(200, list.status());
        assertEquals(1, list.json().path("tokens").size());
        assertTrue(list.json().path("tokens").path(0).path("token").isMissingNode(), "never the secret again");
        assertFalse(list.body().contains(secret.substring(10)));
        assertNotNull(list.json().path("tokens").path(0).path("last_used_at").textValue());

        // The audit trail, exactly: who did what to which target, under which request id.
        JsonNode orgLine = auditEntries("action=organisation.create").get(0);
        assertEquals("root", orgLine.path("actor_name").asText());
        assertEquals(admin.account().id(), orgLine.path("actor_id").asLong());
        assertEquals("organisation", orgLine.path("target_type").asText());
        assertEquals(Long.toString(orgId), orgLine.path("target_id").asText());
        assertEquals(orgRequest, orgLine.path("request_id").asText());
        assertEquals("127.0.0.1", orgLine.path("client_address").asText());
        JsonNode accountLine = auditEntries("action=account.create&target_id=" + aminaId).get(0);
        assertEquals(account.header("X-Request-Id"), accountLine.path("request_id").asText());
        assertEquals("contributor", accountLine.path("detail").path("role").asText());
        JsonNode tokenLine = auditEntries("action=token.create").get(0);
        assertEquals("amina", tokenLine.path("actor_name").asText());
        assertEquals(aminaId, tokenLine.path("actor_id").asLong());
        assertEquals("api_token", tokenLine.path("target_type").asText());
        assertEquals(Long.toString(tokenId), tokenLine.path("target_id").asText());
        assertEquals(created.header("X-Request-Id"), tokenLine.path("request_id").asText());
        assertEquals(List.of("organisation.create", "account.create"),
                auditEntries("actor=" + admin.account().id()).stream().map(e -> e.path("action").asText()).toList());
        assertEquals(List.of("token.create"), auditEntries("actor=amina").stream().map(e -> e.path("action").asText()).toList());
    }

    @Test
    void revocationTakesEffectOnTheVeryNextRequestAndExpiredTokensAreRefused() {
        long amina = contributor();
        String auth = basic("amina", PASSWORD);
        Http.Response created = http.post("/api/v1/tokens", "{\"name\":\"ci\"}", "Authorization", auth, "Content-Type", JSON);
        String secret = created.json().path("token").asText();
        long id = created.json().path("id").asLong();
        assertEquals(200, http.get("/api/v1/tokens", "Authorization", "Bearer " + secret).status());

        Http.Response revoked = http.method("DELETE", "/api/v1/tokens/" + id, "Authorization", "Bearer " + secret);
        assertEquals(204, revoked.status(), revoked.body());
        Http.Response after = http.get("/api/v1/tokens", "Authorization", "Bearer " + secret);
        assertProblem(after, 401, "unauthorized");
        assertEquals("Bearer realm=\"clearinghouse\"", after.header("WWW-Authenticate"));
        assertProblem(http.method("DELETE", "/api/v1/tokens/" + id, "Authorization", "Bearer " + secret), 401, "unauthorized");

        JsonNode revokeLine = auditEntries("action=token.revoke").get(0);
        assertEquals("amina", revokeLine.path("actor_name").asText());
        assertEquals(Long.toString(id), revokeLine.path("target_id").asText());
        assertEquals(revoked.header("X-Request-Id"), revokeLine.path("request_id").asText());
        JsonNode failure = auditEntries("action=auth.failure").get(0);
        assertEquals("revoked_token", failure.path("detail").path("reason").asText());
        assertEquals("bearer", failure.path("detail").path("method").asText());
        assertEquals(Long.toString(id), failure.path("target_id").asText());
        assertEquals(after.header("X-Request-Id"), failure.path("request_id").asText());
        assertTrue(failure.path("actor_id").isMissingNode());
        assertFalse(failure.toString().contains(secret.substring(10)), "never the secret");

        Http.Response shortLived = http.post("/api/v1/tokens", "{\"name\":\"an hour\",\"expires_at\":\""
                + CLOCK.instant().plus(Duration.ofHours(1)) + "\"}", "Authorization", auth, "Content-Type", JSON);
        assertEquals(201, shortLived.status(), shortLived.body());
        String hour = "Bearer " + shortLived.json().path("token").asText();
        assertEquals(200, http.get("/api/v1/tokens", "Authorization", hour).status());
        CLOCK.advance(Duration.ofHours(2));
        Http.Response expired = http.get("/api/v1/tokens", "Authorization", hour);
        assertProblem(expired, 401, "unauthorized");
        List<JsonNode> failures = auditEntries("action=auth.failure");
        assertEquals("expired_token", failures.get(failures.size() - 1).path("detail").path("reason").asText());
        assertEquals(expired.header("X-Request-Id"), failures.get(failures.size() - 1).path("request_id").asText());

        Http.Response past = http.post("/api/v1/tokens", "{\"name\":\"x\",\"expires_at\":\"2020-01-01T00:00:00Z\",\"scope\":1}",
                "Authorization", auth, "Content-Type", JSON);
        assertProblem(past, 422, "validation-failed");
        assertEquals(List.of("scope"), fields(past));
        past = http.post("/api/v1/tokens", "{\"name\":\"x\",\"expires_at\":\"2020-01-01T00:00:00Z\"}",
                "Authorization", auth, "Content-Type", JSON);
        assertProblem(past, 422, "validation-failed");
        assertEquals(List.of("expires_at"), fields(past));
        assertProblem(http.method("DELETE", "/api/v1/tokens/999", "Authorization", auth), 401, "unauthorized");
        assertEquals(amina, auditEntries("action=token.create").get(0).path("actor_id").asLong());
    }

    private static List<String> fields(Http.Response problem) {
        List<String> names = new ArrayList<>();
        problem.json().path("errors").forEach(e -> names.add(e.path("field").asText()));
        return names;
    }

    @Test
    void signInSetsAnHttpOnlyLaxCookieAndCookieWritesNeedTheCsrfToken() {
        long amina = contributor();
        Http.Response bad = http.post("/api/v1/session", "{\"username\":\"amina\",\"password\":\"wrong password!!\"}", "Content-Type", JSON);
        assertProblem(bad, 401, "unauthorized");
        assertEquals("wrong username or password", bad.json().path("detail").asText());
        Http.Response unknown = http.post("/api/v1/session", "{\"username\":\"nobody\",\"password\":\"wrong password!!\"}", "Content-Type", JSON);
        assertEquals(bad.json().path("detail"), unknown.json().path("detail"), "the same answer: nothing to enumerate");

        Http.Response signIn = http.post("/api/v1/session", "{\"username\":\" Amina \",\"password\":\"" + PASSWORD + "\"}", "Content-Type", JSON);
        assertEquals(200, signIn.status(), signIn.body());
        String setCookie = signIn.header("Set-Cookie");
        assertNotNull(setCookie);
        assertTrue(setCookie.matches("ch_session=chs_[A-Za-z0-9_-]{43}; .*"), setCookie);
        List<String> attributes = List.of(setCookie.split(";\\s*"));
        assertTrue(attributes.contains("Path=/"), setCookie);
        assertTrue(attributes.contains("HttpOnly"), setCookie);
        assertTrue(attributes.contains("SameSite=Lax"), setCookie);
        assertFalse(attributes.contains("Secure"), "http public URL: " + setCookie);
        assertTrue(attributes.contains("Max-Age=43200"), "the session's 12 hours: " + setCookie);
        String cookie = setCookie.split(";")[0];
        String csrf = signIn.json().path("csrf_token").asText();
        assertEquals(64, csrf.length());
        assertEquals("amina", signIn.json().path("account").path("username").asText());
        assertEquals("session", signIn.json().path("authenticated_by").asText());
        assertEquals(CLOCK.instant().plus(Duration.ofHours(12)).toString(), signIn.json().path("expires_at").asText());

        Http.Response me = http.get("/api/v1/session", "Cookie", cookie);
        assertEquals(200, me.status(), me.body());
        assertEquals(csrf, me.json().path("csrf_token").asText());

        Http.Response noCsrf = http.post("/api/v1/tokens", "{\"name\":\"from the browser\"}", "Cookie", cookie, "Content-Type", JSON);
        assertProblem(noCsrf, 403, "forbidden");
        Http.Response wrongCsrf = http.post("/api/v1/tokens", "{\"name\":\"from the browser\"}", "Cookie", cookie,
                "Content-Type", JSON, "X-CSRF-Token", csrf.substring(1) + "0");
        assertProblem(wrongCsrf, 403, "forbidden");
        List<JsonNode> csrfFailures = auditEntries("action=auth.failure&target_id=" + amina).stream()
                .filter(e -> e.path("detail").path("reason").asText().equals("csrf")).toList();
        assertEquals(2, csrfFailures.size());
        assertEquals("csrf", csrfFailures.get(0).path("detail").path("reason").asText());
        assertEquals("amina", csrfFailures.get(0).path("detail").path("username").asText());
        assertEquals(noCsrf.header("X-Request-Id"), csrfFailures.get(0).path("request_id").asText());
        assertEquals(wrongCsrf.header("X-Request-Id"), csrfFailures.get(1).path("request_id").asText());

        Http.Response withCsrf = http.post("/api/v1/tokens", "{\"name\":\"from the browser\"}", "Cookie", cookie,
                "Content-Type", JSON, "X-CSRF-Token", csrf);
        assertEquals(201, withCsrf.status(), withCsrf.body());

        JsonNode signInLine = auditEntries("action=session.sign_in").get(0);
        assertEquals("amina", signInLine.path("actor_name").asText());
        assertEquals(signIn.header("X-Request-Id"), signInLine.path("request_id").asText());
        List<JsonNode> passwordFailures = auditEntries("action=auth.failure&since=2000-01-01T00:00:00Z").subList(0, 2);
        assertEquals("bad_password", passwordFailures.get(0).path("detail").path("reason").asText());
        assertEquals("amina", passwordFailures.get(0).path("detail").path("username").asText());
        assertEquals("unknown_user", passwordFailures.get(1).path("detail").path("reason").asText());
        // An unknown name is not kept (it may be a password typed in the wrong field): only its length.
        assertTrue(passwordFailures.get(1).path("detail").path("username").isMissingNode(), passwordFailures.get(1).toString());
        assertEquals(6, passwordFailures.get(1).path("detail").path("username_length").asInt());
        assertFalse(passwordFailures.toString().contains("nobody"), "never an unknown typed name");
        assertFalse(passwordFailures.toString().contains("wrong password"), "never the password");

        assertProblem(http.method("DELETE", "/api/v1/session", "Cookie", cookie), 403, "forbidden");
        Http.Response signOut = http.method("DELETE", "/api/v1/session", "Cookie", cookie, "X-CSRF-Token", csrf);
        assertEquals(204, signOut.status(), signOut.body());
        assertTrue(signOut.header("Set-Cookie").startsWith("ch_session=;")
                && signOut.header("Set-Cookie").contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT"), signOut.header("Set-Cookie"));
        assertProblem(http.get("/api/v1/session", "Cookie", cookie), 401, "unauthorized");
        JsonNode signOutLine = auditEntries("action=session.sign_out").get(0);
        assertEquals(Long.toString(amina), signOutLine.path("target_id").asText());
        assertEquals(signOut.header("X-Request-Id"), signOutLine.path("request_id").asText());
        List<JsonNode> failures = auditEntries("action=auth.failure");
        assertEquals("invalid_session", failures.get(failures.size() - 1).path("detail").path("reason").asText());
    }

    @Test
    void sessionsEndWhenIdleOrTooOldAndWorkForAFormFieldCsrfToken() {
        contributor();
        Http.Response signIn = http.post("/api/v1/session", "{\"username\":\"amina\",\"password\":\"" + PASSWORD + "\"}", "Content-Type", JSON);
        String cookie = signIn.header("Set-Cookie").split(";")[0];
        CLOCK.advance(Duration.ofMinutes(59));
        assertEquals(200, http.get("/api/v1/session", "Cookie", cookie).status(), "used within the idle timeout");
        CLOCK.advance(Duration.ofMinutes(59));
        assertEquals(200, http.get("/api/v1/session", "Cookie", cookie).status(), "each use keeps it alive");
        CLOCK.advance(Duration.ofMinutes(61));
        assertProblem(http.get("/api/v1/session", "Cookie", cookie), 401, "unauthorized");
    }

    @Test
    void everyAdminEndpointRefusesContributorsWith403AndStrangersWith401() {
        long amina = contributor();
        String token = "Bearer " + http.post("/api/v1/tokens", "{\"name\":\"t\"}", "Authorization", basic("amina", PASSWORD),
                "Content-Type", JSON).json().path("token").asText();
        String[][] endpoints = {
            {"POST", "/api/v1/admin/organisations", "{\"name\":\"X\",\"kind\":\"ngo\"}"},
            {"GET", "/api/v1/admin/organisations", ""},
            {"GET", "/api/v1/admin/organisations/1", ""},
            {"POST", "/api/v1/admin/accounts", "{}"},
            {"GET", "/api/v1/admin/accounts", ""},
            {"GET", "/api/v1/admin/accounts/" + amina, ""},
            {"PATCH", "/api/v1/admin/accounts/" + amina, "{\"role\":\"admin\"}"},
            {"POST", "/api/v1/admin/accounts/" + amina + "/password", "{\"password\":\"a new long password\"}"},
            {"GET", "/api/v1/audit", ""},
        };
        for (String[] endpoint : endpoints) {
            Http.Response forbidden = http.send(endpoint[0], endpoint[1], endpoint[2], "Authorization", token, "Content-Type", JSON);
            assertProblem(forbidden, 403, "forbidden");
            Http.Response anonymous = http.send(endpoint[0], endpoint[1], endpoint[2], "Content-Type", JSON);
            assertProblem(anonymous, 401, "unauthorized");
        }
        Http.Response self = http.get("/api/v1/session", "Authorization", token);
        assertEquals("contributor", self.json().path("account").path("role").asText(), "nothing changed");
        assertEquals(List.of(), auditEntries("action=account.role_change"));
    }

    @Test
    void adminsChangeRolesDisableAndResetPasswordsEachAudited() {
        long amina = contributor();
        String token = "Bearer " + http.post("/api/v1/tokens", "{\"name\":\"t\"}", "Authorization", basic("amina", PASSWORD),
                "Content-Type", JSON).json().path("token").asText();

        Http.Response promoted = asAdmin("PATCH", "/api/v1/admin/accounts/" + amina, "{\"role\":\"moderator\"}");
        assertEquals(200, promoted.status(), promoted.body());
        assertEquals("moderator", promoted.json().path("role").asText());
        assertEquals("moderator", http.get("/api/v1/session", "Authorization", token).json().path("account").path("role").asText());
        JsonNode roleLine = auditEntries("action=account.role_change").get(0);
        assertEquals("contributor", roleLine.path("detail").path("from").asText());
        assertEquals("moderator", roleLine.path("detail").path("to").asText());
        assertEquals(promoted.header("X-Request-Id"), roleLine.path("request_id").asText());

        Http.Response disabled = asAdmin("PATCH", "/api/v1/admin/accounts/" + amina, "{\"disabled\":true}");
        assertEquals(200, disabled.status(), disabled.body());
        assertTrue(disabled.json().path("disabled").asBoolean());
        assertProblem(http.get("/api/v1/session", "Authorization", token), 401, "unauthorized");
        assertProblem(http.post("/api/v1/session", "{\"username\":\"amina\",\"password\":\"" + PASSWORD + "\"}", "Content-Type", JSON),
                401, "unauthorized");
        assertEquals(200, asAdmin("PATCH", "/api/v1/admin/accounts/" + amina, "{\"disabled\":false}").status());
        assertEquals(200, http.get("/api/v1/session", "Authorization", token).status());

        Http.Response reset = asAdmin("POST", "/api/v1/admin/accounts/" + amina + "/password", "{\"password\":\"amina\"}");
        assertProblem(reset, 422, "validation-failed");
        assertEquals(List.of("password"), fields(reset));
        assertEquals(204, asAdmin("POST", "/api/v1/admin/accounts/" + amina + "/password", "{\"password\":\"a brand new password\"}").status());
        assertProblem(http.post("/api/v1/session", "{\"username\":\"amina\",\"password\":\"" + PASSWORD + "\"}", "Content-Type", JSON),
                401, "unauthorized");
        assertEquals(200, http.post("/api/v1/session", "{\"username\":\"amina\",\"password\":\"a brand new password\"}",
                "Content-Type", JSON).status());

        assertEquals(List.of("account.role_change", "account.disable", "account.enable", "account.password_reset"),
                auditEntries("target_type=account&actor=root").stream().map(e -> e.path("action").asText())
                        .filter(a -> !a.equals("account.create")).toList());
        assertProblem(asAdmin("PATCH", "/api/v1/admin/accounts/" + admin.account().id(), "{\"role\":\"contributor\"}"), 409, "conflict");
        assertProblem(asAdmin("GET", "/api/v1/admin/accounts/424242", ""), 404, "not-found");
        assertProblem(asAdmin("GET", "/api/v1/admin/accounts/abc", ""), 400, "invalid-parameter");
        Http.Response badOrg = asAdmin("POST", "/api/v1/admin/organisations", "{\"name\":\"\",\"kind\":\"club\",\"country\":\"ZZ\",\"region\":\"mars\"}");
        assertProblem(badOrg, 422, "validation-failed");
        assertEquals(List.of("name", "kind", "country", "region"), fields(badOrg));
        Http.Response duplicate = asAdmin("POST", "/api/v1/admin/organisations", "{\"name\":\"Kenya ICT Authority\",\"kind\":\"ngo\"}");
        assertProblem(duplicate, 409, "conflict");
    }

    @Test
    void theAuditTrailPagesByKeyset() {
        for (int i = 0; i < 5; i++) {
            assertEquals(201, asAdmin("POST", "/api/v1/admin/organisations", "{\"name\":\"Org " + i + "\",\"kind\":\"ngo\"}").status());
        }
        Http.Response first = http.get("/api/v1/audit?action=organisation.create&limit=2", "Authorization", admin.bearer());
        assertEquals(2, first.json().path("entries").size());
        long after = first.json().path("next_after").asLong();
        assertEquals(first.json().path("entries").path(1).path("id").asLong(), after);
        Http.Response second = http.get("/api/v1/audit?action=organisation.create&limit=2&after=" + after, "Authorization", admin.bearer());
        assertEquals("Org 2", second.json().path("entries").path(0).path("detail").path("name").asText());
        Http.Response last = http.get("/api/v1/audit?action=organisation.create&limit=2&after="
                + second.json().path("next_after").asLong(), "Authorization", admin.bearer());
        assertEquals(1, last.json().path("entries").size());
        assertTrue(last.json().path("next_after").isNull() || last.json().path("next_after").isMissingNode(), last.body());
        assertProblem(http.get("/api/v1/audit?limit=501", "Authorization", admin.bearer()), 400, "invalid-parameter");
        assertProblem(http.get("/api/v1/audit?since=yesterday", "Authorization", admin.bearer()), 400, "invalid-parameter");
    }
}
