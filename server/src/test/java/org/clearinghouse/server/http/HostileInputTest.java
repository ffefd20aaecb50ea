package org.clearinghouse.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.accounts.AccountAdmin;
import org.clearinghouse.server.accounts.PasswordHasher;
import org.clearinghouse.server.audit.Actor;
import org.clearinghouse.server.audit.RequestContext;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.persistence.AccountRepository;
import org.clearinghouse.server.support.Accounts;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.Records;
import org.clearinghouse.server.support.TestPostgres;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input against every endpoint of accounts, sessions, tokens, administration, audit, the moderation workflow
 * and imports: each must be answered 4xx with a problem+json body (naming the field at fault), write nothing, and
 * leak neither internals (stack, SQL) nor secrets (into the audit trail).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    private static final String JSON = "application/json";
    private static final String PASSWORD = "kofi's long password 7f3a";
    private static final String STALE = "\"stale-etag\"";
    private static final String HUGE = "x".repeat(100 * 1024);
    /** Every response body the battery received, scanned at the end for internals. */
    private static final List<String> BODIES = new CopyOnWriteArrayList<>();

    private static Application app;
    private static int port;
    private static Accounts.TestAccount contributor;
    private static Accounts.TestAccount moderator;
    private static Accounts.TestAccount admin;
    private static long kofi;
    private static String resource;

    @BeforeAll
    static void start() {
        app = POSTGRES.startApplication("CLEARINGHOUSE_SEED", "false",
                "CLEARINGHOUSE_RATE_WRITES_PER_ACCOUNT", "1000000", "CLEARINGHOUSE_RATE_WRITES_PER_ADDRESS", "1000000",
                "CLEARINGHOUSE_RATE_LOGINS_PER_ADDRESS", "1000000", "CLEARINGHOUSE_RATE_LOGINS_PER_USERNAME", "1000000",
                "CLEARINGHOUSE_LOGIN_MAX_FAILURES", "1000");
        port = app.port();
        Accounts accounts = new Accounts(POSTGRES);
        contributor = accounts.create("amina", Role.CONTRIBUTOR, "ministry", "KE");
        moderator = accounts.create("mona", Role.MODERATOR, "international_organisation", null);
        admin = accounts.create("root", Role.ADMIN, "international_organisation", null);
        kofi = new AccountAdmin(new AccountRepository(POSTGRES.database().dsl()), new PasswordHasher(),
                Vocabularies.load(Json.mapper())).createAccount(admin.organisation().id(), "kofi", "Kofi", null, "contributor",
                PASSWORD, Actor.COMMAND, RequestContext.command("test")).id();
        Http.Response created = new Http(port).post("/api/v1/resources",
                Records.course("Hostile input course", "https://example.org/hostile").toString(),
                "Authorization", contributor.bearer(), "Content-Type", JSON);
        assertEquals(201, created.status(), created.body());
        resource = created.json().path("id").asText();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    // ---- the battery ----

    /** One hostile request; {@code field} is the field the problem must name (null: the request as a whole). */
    record Case(String name, String method, String path, byte[] body, List<String> headers, String field, boolean freshEtag) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final class Cases {
        final List<Case> all = new ArrayList<>();

        void add(String name, String method, String path, String body, String field, String... headers) {
            all.add(new Case(name, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), List.of(headers),
                    field, false));
        }

        void bytes(String name, String method, String path, byte[] body, String field, String... headers) {
            all.add(new Case(name, method, path, body, List.of(headers), field, false));
        }

        /** Sent with the record's current ETag, so the body itself is what must be refused. */
        void fresh(String name, String method, String path, String body, String field, String... headers) {
            all.add(new Case(name, method, path, body.getBytes(StandardCharsets.UTF_8), List.of(headers), field, true));
        }
    }

    private static String[] auth(Accounts.TestAccount account, String... more) {
        List<String> headers = new ArrayList<>(List.of("Authorization", account.bearer(), "Content-Type", JSON));
        headers.addAll(List.of(more));
        return headers.toArray(new String[0]);
    }

    /**
     * The same shape-breaking bodies for each JSON endpoint: {@code valid} is a body the endpoint would accept, and
     * {@code field} (one of its text fields) is what each field-level case corrupts. {@code also} is another field the
     * problem may name instead (If-Match, when a stale ETag is refused before the body's value is looked at).
     */
    private static void jsonBattery(Cases cases, String label, String method, String path, String[] headers, String valid,
                                    String field, String also) throws IOException {
        String f = field;
        String expected = also == null ? f : f + "|" + also;
        cases.add(label + ": malformed JSON", method, path, "{\"" + f + "\": ", null, headers);
        cases.add(label + ": trailing garbage", method, path, valid + " {", null, headers);
        cases.add(label + ": array instead of object", method, path, "[" + valid + "]", null, headers);
        cases.add(label + ": bare string", method, path, "\"x\"", null, headers);
        cases.add(label + ": bare number", method, path, "42", null, headers);
        cases.add(label + ": JSON null", method, path, "null", null, headers);
        cases.add(label + ": empty body", method, path, "", null, headers);
        cases.add(label + ": whitespace body", method, path, "   \n ", null, headers);
        cases.add(label + ": unknown field", method, path, with(valid, "is_admin", "true"), "is_admin|" + (also == null ? "" : also), headers);
        cases.add(label + ": nested object for a string", method, path, with(valid, f, "{\"a\":{\"b\":1}}"), expected, headers);
        cases.add(label + ": array for a string", method, path, with(valid, f, "[\"x\"]"), expected, headers);
        cases.add(label + ": number for a string", method, path, with(valid, f, "12345678901234567890123"), expected, headers);
        cases.add(label + ": null for a string", method, path, with(valid, f, "null"), null, headers);
        // A sign-in answers every name or password that matches no account alike (401), however long.
        cases.add(label + ": 100 KB value", method, path, with(valid, f, "\"" + HUGE + "\""),
                path.equals("/api/v1/session") ? null : expected, headers);
        cases.add(label + ": NUL in a value", method, path, with(valid, f, "\"a\\u0000b\""), f, headers);
        cases.add(label + ": escape and bell in a value", method, path, with(valid, f, "\"a\\u001b[2J\\u0007b\""), f, headers);
        cases.add(label + ": NUL in a field name", method, path, valid.replaceFirst("\\{", "{\"a\\\\u0000b\":1,"), "(body)", headers);
        // Built as text: a Java string with a lone surrogate would reach the wire as '?'.
        cases.add(label + ": lone surrogate", method, path, with(valid, f, "\"aSURROGATEb\"").replace("SURROGATE", "\\ud800"), f,
                headers);
        cases.add(label + ": deep nesting", method, path, "[".repeat(5000) + "]".repeat(5000), null, headers);
        cases.bytes(label + ": invalid UTF-8", method, path, concat("{\"" + f + "\":\"a", new byte[] {(byte) 0xC3, (byte) 0x28,
            (byte) 0xFF}, "\"}"), null, headers);
        List<String> wrongType = new ArrayList<>(List.of(headers));
        wrongType.set(wrongType.indexOf("Content-Type") + 1, "text/plain");
        cases.add(label + ": text/plain", method, path, valid, null, wrongType.toArray(new String[0]));
        wrongType.set(wrongType.indexOf("Content-Type") + 1, "application/x-www-form-urlencoded");
        cases.add(label + ": form-encoded", method, path, f + "=x", null, wrongType.toArray(new String[0]));
    }

    private static String with(String valid, String field, String json) throws IOException {
        ObjectNode body = (ObjectNode) Json.mapper().readTree(valid);
        body.set(field, Json.mapper().readTree(json));
        return body.toString();
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static Stream<Arguments> battery() throws IOException {
        Cases c = new Cases();
        String r = "/api/v1/resources/" + resource;
        String[] moderatorStale = auth(moderator, "If-Match", STALE);
        String[] contributorStale = auth(contributor, "If-Match", STALE);

        // ---- session ----
        jsonBattery(c, "sign-in", "POST", "/api/v1/session", new String[] {"Content-Type", JSON},
                "{\"username\":\"kofi\",\"password\":\"not the password\"}", "username", null);
        c.add("sign-in: empty username", "POST", "/api/v1/session", "{\"username\":\"\",\"password\":\"x\"}", null, "Content-Type", JSON);
        c.add("sign-in: 10 KB username", "POST", "/api/v1/session", "{\"username\":\"" + "k".repeat(10_240) + "\",\"password\":\"x\"}",
                null, "Content-Type", JSON);
        c.add("sign-in: 10 KB password", "POST", "/api/v1/session", "{\"username\":\"kofi\",\"password\":\"" + "p".repeat(10_240)
                + "\"}", null, "Content-Type", JSON);
        c.add("sign-in: NUL in username", "POST", "/api/v1/session", "{\"username\":\"ko\\u0000fi\",\"password\":\"x\"}", "username",
                "Content-Type", JSON);
        c.add("sign-in: NUL in password", "POST", "/api/v1/session", "{\"username\":\"kofi\",\"password\":\"p\\u0000\"}", "password",
                "Content-Type", JSON);
        c.add("sign-in: control characters in username", "POST", "/api/v1/session",
                "{\"username\":\"ko\\u0007\\u001bfi\",\"password\":\"x\"}", null, "Content-Type", JSON);
        c.add("sign-in: missing password", "POST", "/api/v1/session", "{\"username\":\"kofi\"}", "password", "Content-Type", JSON);
        c.add("sign-in: null password", "POST", "/api/v1/session", "{\"username\":\"kofi\",\"password\":null}", "password",
                "Content-Type", JSON);
        c.add("who am I: no credentials", "GET", "/api/v1/session", null, null);
        c.add("sign out: no session", "DELETE", "/api/v1/session", null, null, "Authorization", contributor.bearer());
        c.add("sign out: garbage cookie", "DELETE", "/api/v1/session", null, null, "Cookie", "ch_session=%00%ff" + "z".repeat(5000));

        // ---- Authorization headers ----
        for (String[] endpoint : new String[][] {{"GET", "/api/v1/session"}, {"GET", "/api/v1/tokens"},
            {"POST", "/api/v1/tokens"}, {"GET", "/api/v1/audit"}, {"GET", "/api/v1/moderation/queue"}}) {
            String m = endpoint[0];
            String p = endpoint[1];
            String body = m.equals("GET") ? null : "{\"name\":\"x\"}";
            c.add(m + " " + p + ": Bearer alone", m, p, body, null, "Authorization", "Bearer", "Content-Type", JSON);
            c.add(m + " " + p + ": Bearer and spaces", m, p, body, null, "Authorization", "Bearer    ", "Content-Type", JSON);
            c.add(m + " " + p + ": Basic not base64", m, p, body, null, "Authorization", "Basic !!!not*base64%%%", "Content-Type", JSON);
            c.add(m + " " + p + ": Basic without colon", m, p, body, null, "Authorization", "Basic "
                    + Base64.getEncoder().encodeToString("kofi".getBytes(StandardCharsets.UTF_8)), "Content-Type", JSON);
            c.add(m + " " + p + ": Basic with NUL", m, p, body, null, "Authorization", "Basic "
                    + Base64.getEncoder().encodeToString("ko\u0000fi:pass\u0000word".getBytes(StandardCharsets.UTF_8)), "Content-Type", JSON);
            c.add(m + " " + p + ": Basic unknown user", m, p, body, null, "Authorization", "Basic "
                    + Base64.getEncoder().encodeToString("nobody:nothing".getBytes(StandardCharsets.UTF_8)), "Content-Type", JSON);
            c.add(m + " " + p + ": 10 KB token", m, p, body, null, "Authorization", "Bearer " + "t".repeat(10_240), "Content-Type", JSON);
            c.add(m + " " + p + ": Latin-1 token", m, p, body, null, "Authorization", "Bearer caf\u00e9", "Content-Type", JSON);
            c.add(m + " " + p + ": unknown scheme", m, p, body, null, "Authorization", "Digest username=\"kofi\"", "Content-Type", JSON);
        }

        // ---- tokens ----
        jsonBattery(c, "create token", "POST", "/api/v1/tokens", auth(contributor), "{\"name\":\"laptop\"}", "name", null);
        c.add("create token: past expires_at", "POST", "/api/v1/tokens", "{\"name\":\"x\",\"expires_at\":\"2001-01-01T00:00:00Z\"}",
                "expires_at", auth(contributor));
        c.add("create token: unparseable expires_at", "POST", "/api/v1/tokens", "{\"name\":\"x\",\"expires_at\":\"next tuesday\"}",
                "expires_at", auth(contributor));
        c.add("create token: year 99999", "POST", "/api/v1/tokens", "{\"name\":\"x\",\"expires_at\":\"+99999-01-01T00:00:00Z\"}",
                "expires_at", auth(contributor));
        c.add("create token: expires_at as number", "POST", "/api/v1/tokens", "{\"name\":\"x\",\"expires_at\":1893456000}",
                "expires_at", auth(contributor));
        c.add("create token: empty name", "POST", "/api/v1/tokens", "{\"name\":\"\"}", "name", auth(contributor));
        c.add("create token: control characters in name", "POST", "/api/v1/tokens", "{\"name\":\"a\\u0001\\u001bb\"}", "name",
                auth(contributor));
        for (String id : List.of("abc", "-1", "0", "9999999999999999999", "1.5", "%00", "%20", "1%2F2")) {
            c.add("revoke token " + id, "DELETE", "/api/v1/tokens/" + id, null, null, "Authorization", contributor.bearer());
        }

        // ---- admin ----
        jsonBattery(c, "create organisation", "POST", "/api/v1/admin/organisations", auth(admin),
                "{\"name\":\"Ministry X\",\"kind\":\"ministry\",\"country\":\"KE\"}", "name", null);
        c.add("create organisation: NUL in kind", "POST", "/api/v1/admin/organisations", "{\"name\":\"X\",\"kind\":\"a\\u0000\"}",
                "kind", auth(admin));
        c.add("create organisation: unknown country", "POST", "/api/v1/admin/organisations",
                "{\"name\":\"X\",\"kind\":\"ministry\",\"country\":\"ZZ\"}", "country", auth(admin));
        c.add("create organisation: 100 KB region", "POST", "/api/v1/admin/organisations",
                "{\"name\":\"X\",\"kind\":\"ministry\",\"region\":\"" + HUGE + "\"}", "region", auth(admin));
        jsonBattery(c, "create account", "POST", "/api/v1/admin/accounts", auth(admin), "{\"organisation_id\":" + admin.organisation().id()
                + ",\"username\":\"zed\",\"display_name\":\"Zed\",\"role\":\"contributor\",\"password\":\"a long enough password\"}",
                "display_name", null);
        String account = "{\"organisation_id\":%s,\"username\":%s,\"display_name\":%s,\"role\":\"contributor\",\"password\":%s}";
        c.add("create account: organisation_id as string", "POST", "/api/v1/admin/accounts",
                account.formatted("\"1\"", "\"zed\"", "\"Zed\"", "\"a long enough password\""), "organisation_id", auth(admin));
        c.add("create account: huge organisation_id", "POST", "/api/v1/admin/accounts",
                account.formatted("99999999999999999999999", "\"zed\"", "\"Zed\"", "\"a long enough password\""), "organisation_id",
                auth(admin));
        c.add("create account: negative organisation_id", "POST", "/api/v1/admin/accounts",
                account.formatted("-1", "\"zed\"", "\"Zed\"", "\"a long enough password\""), "organisation_id", auth(admin));
        c.add("create account: fractional organisation_id", "POST", "/api/v1/admin/accounts",
                account.formatted("1.5", "\"zed\"", "\"Zed\"", "\"a long enough password\""), "organisation_id", auth(admin));
        c.add("create account: NUL in password", "POST", "/api/v1/admin/accounts",
                account.formatted("1", "\"zed\"", "\"Zed\"", "\"a long enough pass\\u0000word\""), "password", auth(admin));
        c.add("create account: NUL in display name", "POST", "/api/v1/admin/accounts",
                account.formatted("1", "\"zed\"", "\"Z\\u0000ed\"", "\"a long enough password\""), "display_name", auth(admin));
        c.add("create account: username with spaces and controls", "POST", "/api/v1/admin/accounts",
                account.formatted("1", "\"z e\\u0001d\"", "\"Zed\"", "\"a long enough password\""), "username", auth(admin));
        c.add("create account: 100 KB password", "POST", "/api/v1/admin/accounts",
                account.formatted("1", "\"zed\"", "\"Zed\"", "\"" + HUGE + "\""), "password", auth(admin));
        c.add("create account: 100 KB display name", "POST", "/api/v1/admin/accounts",
                account.formatted("1", "\"zed\"", "\"" + HUGE + "\"", "\"a long enough password\""), "display_name", auth(admin));
        c.add("create account: unknown role", "POST", "/api/v1/admin/accounts",
                "{\"organisation_id\":1,\"username\":\"zed\",\"display_name\":\"Zed\",\"role\":\"god\",\"password\":\"a long enough password\"}",
                "role", auth(admin));
        c.add("create account: bad email", "POST", "/api/v1/admin/accounts",
                "{\"organisation_id\":1,\"username\":\"zed\",\"display_name\":\"Zed\",\"email\":\"a\\u0000@b\",\"role\":\"contributor\","
                        + "\"password\":\"a long enough password\"}", "email", auth(admin));
        jsonBattery(c, "update account", "PATCH", "/api/v1/admin/accounts/" + kofiId(), auth(admin), "{\"role\":\"moderator\"}", "role",
                null);
        c.add("update account: disabled as string", "PATCH", "/api/v1/admin/accounts/" + kofiId(), "{\"disabled\":\"true\"}",
                "disabled", auth(admin));
        c.add("update account: empty object", "PATCH", "/api/v1/admin/accounts/" + kofiId(), "{}", null, auth(admin));
        jsonBattery(c, "reset password", "POST", "/api/v1/admin/accounts/" + kofiId() + "/password", auth(admin),
                "{\"password\":\"another long password\"}", "password", null);
        c.add("reset password: too short", "POST", "/api/v1/admin/accounts/" + kofiId() + "/password", "{\"password\":\"x\"}",
                "password", auth(admin));
        for (String id : List.of("abc", "-1", "0", "9999999999999999999", "1e3", "%00", "%C3%28")) {
            c.add("organisation " + id, "GET", "/api/v1/admin/organisations/" + id, null, null, "Authorization", admin.bearer());
            c.add("account " + id, "GET", "/api/v1/admin/accounts/" + id, null, null, "Authorization", admin.bearer());
            c.add("patch account " + id, "PATCH", "/api/v1/admin/accounts/" + id, "{\"disabled\":true}", null, auth(admin));
            c.add("reset password " + id, "POST", "/api/v1/admin/accounts/" + id + "/password",
                    "{\"password\":\"a long enough password\"}", null, auth(admin));
        }
        for (String q : List.of("abc", "-1", "9999999999999999999", "%00")) {
            c.add("accounts organisation_id=" + q, "GET", "/api/v1/admin/accounts?organisation_id=" + q, null, "organisation_id",
                    "Authorization", admin.bearer());
        }
        c.add("admin as contributor", "POST", "/api/v1/admin/organisations", "{\"name\":\"X\",\"kind\":\"ministry\"}", null,
                auth(contributor));

        // ---- audit ----
        for (String q : List.of("limit=0", "limit=100000", "limit=abc", "limit=-5", "limit=9999999999999999999", "after=-1",
            "after=abc", "after=9999999999999999999", "since=yesterday", "since=2026-13-45T00:00:00Z", "since=%2B99999-01-01T00:00:00Z",
            "action=%00", "target_id=a%00b", "actor=%00", "actor=99999999999999999999", "target_type=" + "x".repeat(300),
            "since=%00")) {
            String name = q.substring(0, q.indexOf('='));
            c.add("audit " + (q.length() > 60 ? q.substring(0, 60) : q), "GET", "/api/v1/audit?" + q, null, name,
                    "Authorization", admin.bearer());
        }
        c.add("audit as moderator", "GET", "/api/v1/audit", null, null, "Authorization", moderator.bearer());

        // ---- resources: path parameters ----
        for (String id : List.of("%00", "abc%00def", "9999999999999999999", "-1", "%C3%28", "%FF%FE", "x".repeat(2000),
            "..%2F..%2Fetc", "%E2%80%AE")) {
            String label = id.length() > 30 ? id.substring(0, 30) + "…" : id;
            String p = "/api/v1/resources/" + id;
            c.add("PUT resource " + label, "PUT", p, Records.course("T", "https://example.org/t").toString(), null,
                    contributorStale);
            c.add("withdraw " + label, "POST", p + "/withdraw", "{}", null, moderatorStale);
            c.add("validate " + label, "POST", p + "/validate", "{}", null, moderatorStale);
            c.add("revisions " + label, "GET", p + "/revisions", null, null, "Authorization", moderator.bearer());
            c.add("revision " + label, "GET", p + "/revisions/1", null, null, "Authorization", moderator.bearer());
            c.add("diff " + label, "GET", p + "/revisions/1/diff", null, null, "Authorization", moderator.bearer());
            c.add("approve " + label, "POST", p + "/revisions/1/approve", "{}", null, moderatorStale);
        }
        c.add("the brief's diff", "GET", "/api/v1/resources/%00/revisions/abc/diff?against=-1", null, null,
                "Authorization", moderator.bearer());
        for (String n : List.of("abc", "-1", "0", "9999999999999999999", "2147483648", "1.0", "%00", "1%20")) {
            // A NUL in the path is refused by the HTTP server before any route (so no field is named).
            String field = n.equals("%00") ? null : "n";
            c.add("revision n=" + n, "GET", r + "/revisions/" + n, null, field, "Authorization", moderator.bearer());
            c.add("diff n=" + n, "GET", r + "/revisions/" + n + "/diff", null, field, "Authorization", moderator.bearer());
            c.add("diff against=" + n, "GET", r + "/revisions/1/diff?against=" + n, null, "against", "Authorization", moderator.bearer());
            c.add("approve n=" + n, "POST", r + "/revisions/" + n + "/approve", "{}", field, moderatorStale);
            c.add("reject n=" + n, "POST", r + "/revisions/" + n + "/reject", "{}", field, moderatorStale);
            c.add("request changes n=" + n, "POST", r + "/revisions/" + n + "/request-changes", "{}", field, moderatorStale);
            c.add("resubmit n=" + n, "POST", r + "/revisions/" + n + "/resubmit", "{}", field, contributorStale);
        }
        c.add("diff against a missing revision", "GET", r + "/revisions/1/diff?against=99", null, null, "Authorization",
                moderator.bearer());
        c.add("revision 99", "GET", r + "/revisions/99", null, null, "Authorization", moderator.bearer());

        // ---- If-Match ----
        for (String ifMatch : List.of("garbage", "W/\"v1\"", "\"a\", \"b\"", "\"unterminated", ",,,", "\"" + "e".repeat(10_000) + "\"",
            "\"\u00e9\"")) {
            String label = ifMatch.length() > 20 ? ifMatch.substring(0, 20) + "…" : ifMatch;
            // Headers beyond the server's buffer are refused (431) before any endpoint reads them.
            String field = ifMatch.length() > 8000 ? null : "If-Match";
            c.add("PUT If-Match " + label, "PUT", r, Records.course("T", "https://example.org/t").toString(), field,
                    auth(contributor, "If-Match", ifMatch));
            c.add("withdraw If-Match " + label, "POST", r + "/withdraw", "{\"comment\":\"why\"}", field,
                    auth(moderator, "If-Match", ifMatch));
            c.add("approve If-Match " + label, "POST", r + "/revisions/1/approve", "{}", field,
                    auth(moderator, "If-Match", ifMatch));
        }
        c.add("PUT without If-Match", "PUT", r, Records.course("T", "https://example.org/t").toString(), "If-Match", auth(contributor));
        c.add("approve If-Match * by a contributor", "POST", r + "/revisions/1/approve", "{}", null, auth(contributor, "If-Match", "*"));
        c.add("validate without If-Match", "POST", r + "/validate", null, "If-Match", auth(moderator));

        // ---- resources: bodies ----
        String course = Records.course("Hostile input course", "https://example.org/hostile").toString();
        jsonBattery(c, "PUT resource", "PUT", r, contributorStale, course, "title", "If-Match");
        jsonBattery(c, "withdraw", "POST", r + "/withdraw", moderatorStale, "{\"comment\":\"why\"}", "comment", "If-Match");
        jsonBattery(c, "approve", "POST", r + "/revisions/1/approve", moderatorStale, "{\"comment\":\"why\"}", "comment", "If-Match");
        jsonBattery(c, "reject", "POST", r + "/revisions/1/reject", moderatorStale, "{\"comment\":\"why\"}", "comment", "If-Match");
        jsonBattery(c, "request changes", "POST", r + "/revisions/1/request-changes", moderatorStale, "{\"comment\":\"why\"}",
                "comment", "If-Match");
        jsonBattery(c, "resubmit", "POST", r + "/revisions/1/resubmit", contributorStale, course, "title", "If-Match");
        for (String[] bad : new String[][] {{"title", "\"a\\u0000b\""}, {"summary", "\"" + "A fine summary of the course. ".repeat(3)
            + "\\u0000\""}, {"publisher", "\"P\\u0000\""}, {"keywords", "[\"ai\\u0000\"]"}, {"title", "\"" + HUGE + "\""},
            {"url", "\"https://example.org/\\u0000\""}, {"title", "{\"en\":\"x\"}"}, {"languages", "\"en\""},
            {"course", "\"x\""}, {"published", "\"99999-01\""}, {"translations", "{\"fr\":{\"title\":\"\\u0000\"}}"}}) {
            ObjectNode record = Records.course("Hostile input course", "https://example.org/hostile");
            record.set(bad[0], Json.mapper().readTree(bad[1]));
            String field = bad[0];
            c.fresh("PUT with current ETag, " + bad[0] + "=" + abbreviate(bad[1]), "PUT", r, record.toString(), field, auth(contributor));
        }
        c.fresh("approve with current ETag, NUL comment", "POST", r + "/revisions/1/approve", "{\"comment\":\"ok\\u0000\"}",
                "comment", auth(moderator));
        c.fresh("reject with current ETag, NUL comment", "POST", r + "/revisions/1/reject", "{\"comment\":\"no\\u0000\"}",
                "comment", auth(moderator));
        c.fresh("request changes with current ETag, 100 KB comment", "POST", r + "/revisions/1/request-changes",
                "{\"comment\":\"" + HUGE + "\"}", "comment", auth(moderator));
        c.fresh("withdraw with current ETag, NUL comment", "POST", r + "/withdraw", "{\"comment\":\"gone\\u0000\"}", "comment",
                auth(moderator));
        c.fresh("resubmit with current ETag, NUL title", "POST", r + "/revisions/1/resubmit",
                Records.course("T\\u0000", "https://example.org/t").toString(), "title",
                auth(contributor));

        // ---- submissions and queue ----
        for (String q : List.of("limit=0", "limit=100000", "limit=abc", "limit=-1", "limit=9999999999999999999", "cursor=abc",
            "cursor=%00", "cursor=" + Base64.getUrlEncoder().encodeToString("at:-5".getBytes(StandardCharsets.UTF_8)),
            "cursor=" + Base64.getUrlEncoder().encodeToString("at:99999999999".getBytes(StandardCharsets.UTF_8)),
            "cursor=" + "A".repeat(10_000), "mine=maybe")) {
            // A URI beyond the server's buffer is refused (414) before any endpoint reads it.
            String name = q.length() > 8000 ? null : q.substring(0, q.indexOf('='));
            c.add("submissions " + abbreviate(q), "GET", "/api/v1/submissions?" + q, null, name, "Authorization", contributor.bearer());
            if (!q.startsWith("mine")) {
                c.add("queue " + abbreviate(q), "GET", "/api/v1/moderation/queue?" + q, null, name, "Authorization", moderator.bearer());
            }
        }
        for (String q : List.of("type=spaceship", "type=%00", "country=ZZ", "country=%00", "country=" + "k".repeat(5000),
            "organisation=abc", "organisation=9999999999999999999", "organisation=-1", "organisation=%00")) {
            c.add("queue " + abbreviate(q), "GET", "/api/v1/moderation/queue?" + q, null, q.substring(0, q.indexOf('=')),
                    "Authorization", moderator.bearer());
        }
        c.add("queue as contributor", "GET", "/api/v1/moderation/queue", null, null, "Authorization", contributor.bearer());
        c.add("submissions without credentials", "GET", "/api/v1/submissions", null, null);

        // ---- imports ----
        String[] csv = {"Authorization", contributor.bearer(), "Content-Type", "text/csv"};
        c.add("import: empty body", "POST", "/api/v1/imports", "", null, csv);
        c.add("import: JSON content type", "POST", "/api/v1/imports", "{}", null, "Authorization", contributor.bearer(),
                "Content-Type", JSON);
        c.add("import: no content type", "POST", "/api/v1/imports", "a,b\n1,2\n", null, "Authorization", contributor.bearer());
        c.add("import: without credentials", "POST", "/api/v1/imports", "a,b\n1,2\n", null, "Content-Type", "text/csv");
        return c.all.stream().map(Arguments::of);
    }

    /** Imports answer 200 with a per-row report: hostile rows must be rejected rows, not a 500, and create nothing. */
    static Stream<Arguments> imports() {
        Cases c = new Cases();
        String[] csv = {"Authorization", contributor.bearer(), "Content-Type", "text/csv"};
        String[] jsonl = {"Authorization", contributor.bearer(), "Content-Type", "application/x-ndjson"};
        c.add("CSV of garbage", "POST", "/api/v1/imports", "\"unterminated,quote\n,,,\n", null, csv);
        c.add("CSV with NUL bytes", "POST", "/api/v1/imports", "type,title,url\ncourse,a\u0000b,https://example.org/nul\n", null, csv);
        c.bytes("CSV of invalid UTF-8", "POST", "/api/v1/imports", concat("type,title\ncourse,", new byte[] {(byte) 0xFF, (byte) 0xFE,
            (byte) 0xC3}, "\n"), null, csv);
        c.add("CSV with a 100 KB cell", "POST", "/api/v1/imports", "type,title\ncourse," + HUGE + "\n", null, csv);
        c.add("CSV header only", "POST", "/api/v1/imports", "type,title\n", null, csv);
        c.add("JSON Lines of garbage", "POST", "/api/v1/imports", "{\n[1,2]\nnull\n\"x\"\n42\n", null, jsonl);
        c.add("JSON Lines with NUL", "POST", "/api/v1/imports", "{\"type\":\"course\",\"title\":\"a\\u0000b\"}\n", null, jsonl);
        c.add("JSON Lines deep nesting", "POST", "/api/v1/imports", "[".repeat(5000) + "]".repeat(5000) + "\n", null, jsonl);
        return c.all.stream().map(Arguments::of);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static long kofiId() {
        return kofi;
    }

    // ---- the checks ----

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("battery")
    void hostileInputIsAClearClientErrorAndWritesNothing(Case hostile) {
        Map<String, Long> before = counts();
        Raw response = send(hostile);
        int status = response.status();
        assertTrue(status >= 400 && status < 500, hostile + ": expected 4xx, got " + status + " " + abbreviate(response.body()));
        assertProblem(hostile, response);
        assertEquals(before, counts(), hostile + ": nothing may be written");
    }

    @Order(2)
    @ParameterizedTest(name = "{0}")
    @MethodSource("imports")
    void hostileImportsAreReportedRowByRowAndCreateNothing(Case hostile) {
        Map<String, Long> before = counts();
        Raw response = send(hostile);
        assertTrue(response.status() == 200 || (response.status() >= 400 && response.status() < 500),
                hostile + ": got " + response.status() + " " + abbreviate(response.body()));
        if (response.status() != 200) {
            assertProblem(hostile, response);
        }
        assertEquals(before.get("resource"), counts().get("resource"), hostile + ": no record may be created");
    }

    @Order(3)
    @Test
    void failedSignInsLookTheSameForUnknownUsersAndWrongPasswords() {
        Raw unknown = send(new Case("unknown", "POST", "/api/v1/session",
                "{\"username\":\"nobody-here\",\"password\":\"whatever it is\"}".getBytes(StandardCharsets.UTF_8),
                List.of("Content-Type", JSON), null, false));
        Raw wrong = send(new Case("wrong", "POST", "/api/v1/session",
                "{\"username\":\"kofi\",\"password\":\"whatever it is\"}".getBytes(StandardCharsets.UTF_8),
                List.of("Content-Type", JSON), null, false));
        assertEquals(401, unknown.status());
        assertEquals(unknown.status(), wrong.status());
        assertEquals(withoutRequestId(unknown.body()), withoutRequestId(wrong.body()));
        assertEquals(unknown.contentType(), wrong.contentType());
    }

    @Order(4)
    @Test
    void noResponseLeaksInternalsAndTheAuditTrailHoldsNoSecret() {
        assertTrue(BODIES.size() > 300, "the battery ran first: " + BODIES.size());
        for (String body : BODIES) {
            for (String internal : List.of("Exception", "at org.", "at java.", "SQL", "jooq", "PSQL", "postgres")) {
                assertFalse(body.contains(internal), "a response names " + internal + ": " + abbreviate(body));
            }
        }
        String trail = POSTGRES.database().dsl().fetch("select coalesce(string_agg(detail::text || ' ' || coalesce(target_id, '') "
                + "|| ' ' || coalesce(actor_name, ''), '\n'), '') as t from audit_log").get(0).get("t", String.class);
        assertTrue(trail.contains("auth.failure") || trail.contains("bad_password") || trail.contains("unknown_user"),
                "the battery's failures were audited");
        for (String secret : List.of(contributor.token(), moderator.token(), admin.token(), PASSWORD, "a long enough password",
            "pass\u0000word", "whatever it is")) {
            assertFalse(trail.contains(secret), "the audit trail holds a secret: " + abbreviate(secret));
        }
        Http.Response audit = new Http(port).get("/api/v1/audit?limit=500", "Authorization", admin.bearer());
        assertEquals(200, audit.status(), audit.body());
        for (String secret : List.of(contributor.token(), moderator.token(), admin.token(), PASSWORD)) {
            assertFalse(audit.body().contains(secret), "GET /api/v1/audit shows a secret");
        }
    }

    /** Last: the default limits, not raised, answer a burst of writes with 429 problems, never 500. */
    @Order(5)
    @Test
    void defaultLimitsAnswerABurstWith429() {
        try (Application defaults = POSTGRES.startApplication("CLEARINGHOUSE_SEED", "false")) {
            Http http = new Http(defaults.port());
            Map<Integer, Integer> statuses = new LinkedHashMap<>();
            Http.Response last = null;
            for (int i = 0; i < 40; i++) {
                last = http.post("/api/v1/session", "{\"username\":\"nobody\",\"password\":\"wrong " + i + "\"}", "Content-Type", JSON);
                statuses.merge(last.status(), 1, Integer::sum);
            }
            assertEquals(List.of(401, 429), List.copyOf(statuses.keySet()), statuses.toString());
            assertEquals("application/problem+json", last.header("Content-Type").split(";")[0]);
            assertNotNull(last.header("Retry-After"));
            assertEquals(429, last.json().path("status").asInt());
        }
    }

    // ---- helpers ----

    private static void assertProblem(Case hostile, Raw response) {
        assertEquals("application/problem+json", response.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT),
                hostile + ": " + response.status() + " " + abbreviate(response.body()));
        JsonNode problem;
        try {
            problem = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(hostile + ": not JSON: " + abbreviate(response.body()), e);
        }
        assertEquals(response.status(), problem.path("status").asInt(), hostile + ": " + abbreviate(response.body()));
        assertFalse(problem.path("title").asText().isBlank(), hostile + ": no title");
        assertFalse(problem.path("detail").asText().isBlank(), hostile + ": no detail");
        assertTrue(problem.path("detail").asText().length() < 2000, hostile + ": the detail echoes the input");
        if (hostile.field() != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
            List<String> expected = List.of(hostile.field().split("\\|"));
            assertTrue(fields.stream().anyMatch(f -> expected.stream().anyMatch(e -> f.equals(e) || f.startsWith(e + ".")
                    || f.startsWith(e + "["))), hostile + ": errors must name " + hostile.field() + ", got " + fields
                    + " in " + abbreviate(response.body()));
        }
    }

    private static String withoutRequestId(String body) {
        return body.replaceAll("\"request_id\"\\s*:\\s*\"[^\"]*\"", "");
    }

    private static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("resource", "revision", "organisation", "account", "api_token", "account_session")) {
            counts.put(table, POSTGRES.database().dsl().fetchCount(org.jooq.impl.DSL.table(table)) * 1L);
        }
        counts.put("audited writes", (long) POSTGRES.database().dsl().fetchCount(org.jooq.impl.DSL.table("audit_log"),
                org.jooq.impl.DSL.field("action", String.class).ne("auth.failure")));
        counts.put("state", POSTGRES.database().dsl().fetch("select coalesce(sum(hashtext(r::text)), 0) as h from "
                + "resource r").get(0).get("h", Long.class));
        counts.put("accounts", POSTGRES.database().dsl().fetch("select coalesce(sum(hashtext(a::text)), 0) as h from "
                + "(select id, organisation_id, username, display_name, email, role, password_hash, disabled from account) a").get(0).get("h", Long.class));
        return counts;
    }

    record Raw(int status, String contentType, String body) {
    }

    /**
     * Sends over a plain socket, so that header values and paths the JDK client refuses (non-ASCII, raw bytes) go out
     * exactly as a hostile client would send them.
     */
    private static Raw send(Case hostile) {
        List<String> headers = new ArrayList<>(hostile.headers());
        if (hostile.freshEtag()) {
            Http.Response current = new Http(port).get("/api/v1/resources/" + resource, "Authorization", moderator.bearer());
            headers.addAll(List.of("If-Match", current.header("ETag")));
        }
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(hostile.method() + " " + hostile.path() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n");
            for (int i = 0; i + 1 < headers.size(); i += 2) {
                head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
            }
            byte[] body = hostile.body() == null ? new byte[0] : hostile.body();
            if (hostile.body() != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            request.writeBytes(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            Raw raw = parse(socket.getInputStream().readAllBytes());
            BODIES.add(raw.body());
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException(hostile.toString(), e);
        }
    }

    private static Raw parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        assertTrue(split > 0, "no HTTP response: " + abbreviate(text));
        String[] lines = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            }
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        String body = text.substring(split + 4);
        if (chunked) {
            StringBuilder joined = new StringBuilder();
            byte[] rest = body.getBytes(StandardCharsets.UTF_8);
            int at = 0;
            while (at < rest.length) {
                int eol = indexOf(rest, at);
                int size = Integer.parseInt(new String(rest, at, eol - at, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                joined.append(new String(rest, eol + 2, size, StandardCharsets.UTF_8));
                at = eol + 2 + size + 2;
            }
            body = joined.toString();
        }
        return new Raw(status, contentType, body);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

}
