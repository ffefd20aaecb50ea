package org.clearinghouse.server.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.StringJoiner;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.support.Accounts;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.Records;
import org.clearinghouse.server.support.TestPostgres;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signing in, my submissions, the moderation queue and the review page, in a browser's shoes (cookies, forms). */
class ContributorPagesTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    private static final String JSON = "application/json";
    private static final String PASSWORD = "a long enough password";

    private static Application app;
    private static Http http;
    private static String contributorToken;

    @BeforeAll
    static void start() {
        app = POSTGRES.startApplication("CLEARINGHOUSE_SEED", "false");
        http = new Http(app.port());
        Accounts.TestAccount admin = new Accounts(POSTGRES).create("root", Role.ADMIN, "international_organisation", null);
        Http.Response org = http.post("/api/v1/admin/organisations", "{\"name\":\"Kenya ICT Authority\",\"kind\":\"ministry\",\"country\":\"KE\"}",
                "Authorization", admin.bearer(), "Content-Type", JSON);
        assertEquals(201, org.status(), org.body());
        long orgId = org.json().path("id").asLong();
        for (String[] who : new String[][] {{"amina", "contributor"}, {"moira", "moderator"}}) {
            Http.Response account = http.post("/api/v1/admin/accounts", "{\"organisation_id\":" + orgId + ",\"username\":\"" + who[0]
                    + "\",\"display_name\":\"" + who[0] + " <b>x</b>\",\"role\":\"" + who[1] + "\",\"password\":\"" + PASSWORD + "\"}",
                    "Authorization", admin.bearer(), "Content-Type", JSON);
            assertEquals(201, account.status(), account.body());
        }
        Http.Response token = http.post("/api/v1/tokens", "{\"name\":\"test\"}", "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("amina:" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                "Content-Type", JSON);
        assertEquals(201, token.status(), token.body());
        contributorToken = token.json().path("token").asText();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A browser: keeps its cookies, follows no redirects. */
    static final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET().build());
        }

        HttpResponse<String> post(String path, String... fields) {
            StringJoiner form = new StringJoiner("&");
            for (int i = 0; i + 1 < fields.length; i += 2) {
                form.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            }
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        Document page(String path) {
            HttpResponse<String> response = get(path);
            assertEquals(200, response.statusCode(), path + ": " + response.body());
            return Jsoup.parse(response.body());
        }

        static URI uri(String path) {
            return URI.create("http://localhost:" + app.port() + path);
        }

        Browser signIn(String username) {
            HttpResponse<String> response = post("/en/sign-in", "username", username, "password", PASSWORD);
            assertEquals(303, response.statusCode(), response.body());
            assertEquals("/en/account", response.headers().firstValue("Location").orElse(null));
            return this;
        }
    }

    @Test
    void aWrongPasswordKeepsTheUsernameAndSaysWhyAndARightOneOpensTheAccount() {
        Browser browser = new Browser();
        Document form = browser.page("/fr/sign-in");
        assertNotNull(form.selectFirst("form#signin-form[method=post][action=/fr/sign-in]"));
        assertNotNull(form.selectFirst("label[for=username]"));
        assertNotNull(form.selectFirst("input#password[type=password][autocomplete=current-password]"));

        HttpResponse<String> wrong = browser.post("/fr/sign-in", "username", "amina", "password", "not the password!");
        assertEquals(401, wrong.statusCode());
        Document again = Jsoup.parse(wrong.body());
        assertEquals("amina", again.selectFirst("#username").val());
        assertEquals("", again.selectFirst("#password").val());
        assertTrue(again.selectFirst("#signin-error").text().contains("mot de passe"));
        assertFalse(wrong.body().contains("not the password!"));

        browser.signIn("amina");
        HttpCookie session = browser.cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("ch_session")).findFirst().orElseThrow();
        assertTrue(session.isHttpOnly());
        HttpResponse<String> account = browser.get("/en/account");
        assertEquals(200, account.statusCode());
        assertEquals("no-store", account.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(account.body().contains("amina &lt;b&gt;x&lt;/b&gt;"), "the display name is escaped");
        assertTrue(account.headers().firstValue("Content-Security-Policy").isPresent());
    }

    @Test
    void theAccountPageNeedsASignedInBrowser() {
        HttpResponse<String> response = new Browser().get("/es/account");
        assertEquals(303, response.statusCode());
        assertEquals("/es/sign-in", response.headers().firstValue("Location").orElse(null));
        assertEquals(303, new Browser().get("/es/moderation").statusCode());
    }

    @Test
    void signingOutNeedsTheFormsCsrfTokenAndEndsTheSession() {
        Browser browser = new Browser().signIn("amina");
        Document account = browser.page("/en/account");
        String csrf = account.selectFirst("#signout-form input[name=csrf]").val();
        assertFalse(csrf.isEmpty());
        assertEquals(403, browser.post("/en/sign-out").statusCode(), "a forged sign-out without the token is refused");
        assertEquals(200, browser.get("/en/account").statusCode());
        HttpResponse<String> out = browser.post("/en/sign-out", "csrf", csrf);
        assertEquals(303, out.statusCode());
        assertEquals(303, browser.get("/en/account").statusCode(), "signed out");
    }

    @Test
    void aSubmissionGoesThroughTheQueueAndTheReviewAndItsSubmitterSeesTheOutcome() {
        Http.Response submitted = http.post("/api/v1/resources",
                Records.course("Kqzv course for teachers", "https://example.org/kqzv").toString(),
                "Authorization", "Bearer " + contributorToken, "Content-Type", JSON);
        assertEquals(201, submitted.status(), submitted.body());
        String slug = submitted.json().path("slug").asText();

        Browser contributor = new Browser().signIn("amina");
        Document mine = contributor.page("/en/account");
        assertTrue(mine.select("#submissions tbody tr").text().contains("Kqzv course for teachers"));
        assertTrue(mine.select("#submissions tbody tr").text().contains("Waiting for review"));
        HttpResponse<String> notAllowed = contributor.get("/en/moderation");
        assertEquals(403, notAllowed.statusCode(), "contributors do not moderate");

        Browser moderator = new Browser().signIn("moira");
        Document queue = moderator.page("/en/moderation");
        String review = queue.select("#queue a").stream().filter(a -> a.text().equals("Kqzv course for teachers"))
                .findFirst().orElseThrow().attr("href");
        assertEquals("/en/moderation/" + slug + "/1", review);
        Document page = moderator.page(review);
        assertTrue(page.select("#diff").text().contains("Kqzv course for teachers"));
        String csrf = page.selectFirst("#review-form input[name=csrf]").val();
        String etag = page.selectFirst("#review-form input[name=etag]").val();
        assertNotNull(page.selectFirst("fieldset legend"));

        assertEquals(403, moderator.post(review, "decision", "approve", "etag", etag).statusCode(), "no CSRF token, no decision");
        HttpResponse<String> noComment = moderator.post(review, "csrf", csrf, "etag", etag, "decision", "request_changes", "comment", "");
        assertEquals(422, noComment.statusCode());
        Document refused = Jsoup.parse(noComment.body());
        assertTrue(refused.selectFirst("#review-error").text().contains("comment"));
        assertTrue(refused.selectFirst("#decision-request_changes").hasAttr("checked"), "what was chosen is kept");

        HttpResponse<String> asked = moderator.post(review, "csrf", csrf, "etag", etag, "decision", "request_changes",
                "comment", "Please add the <French> summary");
        assertEquals(303, asked.statusCode(), asked.body());
        assertEquals("/en/moderation?done=1", asked.headers().firstValue("Location").orElse(null));
        assertTrue(moderator.page("/en/moderation?done=1").selectFirst("[role=status]").text().contains("Decision recorded"));

        Document after = contributor.page("/en/account");
        String row = after.select("#submissions tbody tr").text();
        assertTrue(row.contains("Changes requested"), row);
        assertTrue(row.contains("Please add the <French> summary"), row);
        assertEquals(404, http.get("/en/resources/" + slug).status(), "not published, so not public");
        Document own = contributor.page("/en/resources/" + slug);
        assertTrue(own.selectFirst("#moderation-state").text().contains("Changes requested"));
        assertTrue(own.select("#history tbody tr").text().contains("Please add the <French> summary"), "the history with the comment");
        assertEquals("no-store", contributor.get("/en/resources/" + slug).headers().firstValue("Cache-Control").orElse(null));
        Document published = contributor.page("/en/resources/" + slug.replace(slug, slug));
        assertNotNull(published.selectFirst("#history"));
    }

    @Test
    void anApprovedRevisionIsPublished() {
        Http.Response submitted = http.post("/api/v1/resources",
                Records.course("Pqxw approved course", "https://example.org/pqxw").toString(),
                "Authorization", "Bearer " + contributorToken, "Content-Type", JSON);
        assertEquals(201, submitted.status(), submitted.body());
        String slug = submitted.json().path("slug").asText();
        Browser moderator = new Browser().signIn("moira");
        Document page = moderator.page("/fr/moderation/" + slug + "/1");
        assertEquals("fr", page.selectFirst("html").attr("lang"));
        HttpResponse<String> approved = moderator.post("/fr/moderation/" + slug + "/1",
                "csrf", page.selectFirst("#review-form input[name=csrf]").val(),
                "etag", page.selectFirst("#review-form input[name=etag]").val(), "decision", "approve");
        assertEquals(303, approved.statusCode(), approved.body());
        assertEquals(200, http.get("/api/v1/resources/" + slug).status());
        Document history = moderator.page("/fr/resources/" + slug);
        assertTrue(history.selectFirst("#moderation-state").text().contains("Publiée"));
        assertEquals(1, history.select("#history tbody tr").size());
        assertTrue(Jsoup.parse(http.get("/fr/resources/" + slug).body()).select("#history, #moderation-state").isEmpty(),
                "the public sees the record, not its moderation");
        HttpResponse<String> stale = moderator.post("/fr/moderation/" + slug + "/1",
                "csrf", page.selectFirst("#review-form input[name=csrf]").val(),
                "etag", page.selectFirst("#review-form input[name=etag]").val(), "decision", "approve");
        assertEquals(412, stale.statusCode(), "a decision on a record that changed since is not applied blindly");
    }

    @Test
    void aTokenIsShownOnceWorksAndCanBeRevoked() {
        Browser browser = new Browser().signIn("amina");
        Document page = browser.page("/en/account/tokens");
        String csrf = page.selectFirst("#token-form input[name=csrf]").val();
        HttpResponse<String> refused = browser.post("/en/account/tokens", "csrf", csrf, "name", "late", "expires", "2001-01-01");
        assertEquals(422, refused.statusCode());
        Document again = Jsoup.parse(refused.body());
        assertEquals("late", again.selectFirst("#token-name").val(), "nothing typed is lost");
        assertEquals("Choose a date in the future.", again.selectFirst("#token-expires-error").text());
        assertEquals("token-expires-error", again.selectFirst("#token-expires").attr("aria-describedby"));

        HttpResponse<String> created = browser.post("/en/account/tokens", "csrf", csrf, "name", "my laptop");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("no-store", created.headers().firstValue("Cache-Control").orElse(null));
        String secret = Jsoup.parse(created.body()).selectFirst("#token-secret").text();
        assertTrue(secret.startsWith("ch_"), secret);
        assertEquals(200, http.get("/api/v1/session", "Authorization", "Bearer " + secret).status(), "the token works");
        Document list = browser.page("/en/account/tokens");
        assertTrue(list.selectFirst("#new-token") == null && !list.html().contains(secret), "shown once only");
        String revoke = list.select("#tokens tbody tr").stream().filter(r -> r.selectFirst("th").text().equals("my laptop"))
                .findFirst().orElseThrow().selectFirst("form").attr("action");
        assertEquals(403, browser.post(revoke).statusCode(), "no CSRF token, no revocation");
        assertEquals(303, browser.post(revoke, "csrf", csrf).statusCode());
        assertEquals(401, http.get("/api/v1/session", "Authorization", "Bearer " + secret).status(), "revoked");
    }

    @Test
    void theSubmitFormShowsEachErrorBesideItsFieldKeepsWhatWasTypedAndThenSubmits() {
        Browser browser = new Browser().signIn("amina");
        Document form = browser.page("/en/account/submit");
        String csrf = form.selectFirst("#record-form input[name=csrf]").val();
        for (org.jsoup.nodes.Element control : form.select("#record-form input:not([type=hidden]), #record-form select, #record-form textarea")) {
            assertNotNull(form.selectFirst("label[for=" + control.id() + "]"), "label for " + control.id());
        }
        String[] record = {"csrf", csrf, "type", "course", "title", "Zwqk <course> for teachers", "summary", "A free course.",
            "url", "https://example.org/zwqk", "original_language", "en", "languages", "en, sw", "jurisdictions", "KE, ZZ",
            "license", "CC-BY-4.0", "themes", "teaching_teachers", "audiences", "teachers",
            "course.provider", "Example University", "course.format", "self_paced", "course.cost", "free"};
        HttpResponse<String> refused = browser.post("/en/account/submit", record);
        assertEquals(422, refused.statusCode(), refused.body());
        Document again = Jsoup.parse(refused.body());
        assertEquals("Zwqk <course> for teachers", again.selectFirst("#f-title").val(), "nothing typed is lost");
        assertEquals("KE, ZZ", again.selectFirst("#f-jurisdictions").val());
        assertTrue(again.selectFirst("#f-themes-teaching_teachers").hasAttr("checked"));
        assertEquals("self_paced", again.selectFirst("#f-course-format option[selected]").val());
        assertEquals("true", again.selectFirst("#f-publisher").attr("aria-invalid"));
        assertFalse(again.selectFirst("#err-publisher").text().isEmpty(), "the missing publisher is named beside its field");
        assertFalse(again.selectFirst("#err-jurisdictions").text().isEmpty(), "so is the unknown country");
        assertTrue(again.selectFirst("#f-title").attr("aria-invalid").isEmpty(), "valid fields are not marked");

        String[] fixed = java.util.Arrays.copyOf(record, record.length + 2);
        fixed[record.length] = "publisher";
        fixed[record.length + 1] = "Example University";
        for (int i = 0; i < fixed.length; i++) {
            if (fixed[i].equals("KE, ZZ")) {
                fixed[i] = "KE";
            }
        }
        HttpResponse<String> accepted = browser.post("/en/account/submit", fixed);
        assertEquals(303, accepted.statusCode(), accepted.body());
        Document mine = browser.page("/en/account");
        assertTrue(mine.select("#submissions").text().contains("Zwqk <course> for teachers"));

        String slug = accepted.headers().firstValue("Location").orElseThrow().replaceAll(".*submitted=", "");
        Document edit = browser.page("/en/account/edit/" + slug);
        assertEquals("Zwqk <course> for teachers", edit.selectFirst("#f-title").val(), "the edit form starts from the record");
        assertEquals("Example University", edit.selectFirst("#f-course-provider").val());
        assertTrue(edit.selectFirst("#f-audiences-teachers").hasAttr("checked"));
        assertEquals(403, browser.post("/en/account/edit/" + slug, "title", "no token").statusCode());
    }
}
