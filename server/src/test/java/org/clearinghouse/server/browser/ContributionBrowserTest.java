package org.clearinghouse.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.support.Accounts;
import org.clearinghouse.server.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A contributor submits a resource through the web form, gets a field wrong, sees why next to the field, fixes it; a
 * moderator publishes it from the queue; anyone then finds it in search. On the way, every contributor and moderator
 * page passes axe-core, and the signed-in pages stay within the first-load budget.
 */
class ContributionBrowserTest {
    @RegisterExtension
    static final Browser BROWSER = Browser.onApplication();
    private static final String PASSWORD = "a long enough password for tests";
    private static final String TITLE = "Teaching with AI in Nairobi classrooms: a browser-tested course";

    @BeforeAll
    static void accounts() {
        Http http = new Http(BROWSER.application().port());
        Accounts.TestAccount admin = new Accounts(BROWSER.postgres()).create("root", Role.ADMIN, "international_organisation", null);
        Http.Response org = http.post("/api/v1/admin/organisations",
                "{\"name\":\"Kenya Institute of Curriculum Development\",\"kind\":\"ministry\",\"country\":\"KE\"}",
                "Authorization", admin.bearer(), "Content-Type", "application/json");
        assertEquals(201, org.status(), org.body());
        long orgId = org.json().path("id").asLong();
        for (String[] who : new String[][] {{"wanjiru", "contributor"}, {"moses", "moderator"}}) {
            Http.Response account = http.post("/api/v1/admin/accounts", "{\"organisation_id\":" + orgId
                    + ",\"username\":\"" + who[0] + "\",\"display_name\":\"" + who[0] + "\",\"role\":\"" + who[1]
                    + "\",\"password\":\"" + PASSWORD + "\"}",
                    "Authorization", admin.bearer(), "Content-Type", "application/json");
            assertEquals(201, account.status(), account.body());
        }
    }

    private static WebDriver driver() {
        return BROWSER.driver();
    }

    private static void type(String id, String text) {
        WebElement field = driver().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void choose(String selectId, String value) {
        driver().findElement(By.cssSelector("#" + selectId + " option[value='" + value + "']")).click();
    }

    private static void signIn(String username) {
        BROWSER.open("/en/sign-in");
        BROWSER.assertAccessible("sign-in");
        type("username", username);
        type("password", PASSWORD);
        BROWSER.chromium().clickThrough(driver().findElement(By.id("signin-submit")));
        assertEquals(BROWSER.url("/en/account"), driver().getCurrentUrl());
    }

    private static String value(String id) {
        return driver().findElement(By.id(id)).getDomProperty("value");
    }

    @Test
    void aContributorFixesAFieldAModeratorPublishesAndSearchFindsIt() {
        signIn("wanjiru");
        BROWSER.assertAccessible("account");
        BROWSER.chromium().clickThrough(driver().findElement(By.id("tokens-link")));
        BROWSER.assertAccessible("my API tokens");
        for (String page : List.of("/en/account", "/en/account/tokens", "/en/account/submit")) {
            PageWeight weight = BROWSER.weigh(page);
            assertEquals(BROWSER.url(page), weight.url(), "still signed in");
            assertTrue(weight.total() <= PageWeight.BUDGET_BYTES, weight.describe());
            assertEquals(List.of(), weight.foreign(), weight.describe());
        }
        BROWSER.assertAccessible("submit form");

        choose("f-type", "course");
        type("f-title", TITLE);
        type("f-summary", "A free course for primary school teachers in Nairobi on using AI tools in lessons.");
        type("f-url", "https://example.org/browser-tested-course");
        type("f-original_language", "english");
        type("f-languages", "en, sw");
        type("f-jurisdictions", "KE");
        type("f-publisher", "Kenya Institute of Curriculum Development");
        type("f-license", "CC-BY-4.0");
        type("f-published", "2025");
        driver().findElement(By.id("f-themes-teaching_teachers")).click();
        driver().findElement(By.id("f-audiences-teachers")).click();
        type("f-course-provider", "Kenya Institute of Curriculum Development");
        choose("f-course-format", "self_paced");
        choose("f-course-cost", "free");
        choose("f-course-certificate", "none");
        BROWSER.chromium().clickThrough(driver().findElement(By.id("record-submit")));

        // Refused: the mistake is named next to its field, and nothing typed is lost.
        WebElement language = driver().findElement(By.id("f-original_language"));
        assertEquals("true", language.getDomAttribute("aria-invalid"));
        String errorId = language.getDomAttribute("aria-describedby");
        WebElement error = driver().findElement(By.id(errorId));
        assertTrue(error.isDisplayed());
        assertFalse(error.getText().isBlank());
        assertEquals(List.of(errorId), driver().findElements(By.cssSelector(".field-error")).stream()
                .map(e -> e.getDomAttribute("id")).toList(), "only the wrong field is marked");
        assertTrue(driver().findElement(By.id("form-error")).isDisplayed());
        assertEquals("english", value("f-original_language"));
        assertEquals(TITLE, value("f-title"));
        assertEquals("en, sw", value("f-languages"));
        assertEquals("course", value("f-type"));
        assertTrue(driver().findElement(By.id("f-themes-teaching_teachers")).isSelected());
        assertEquals("free", value("f-course-cost"));
        BROWSER.screenshot("submit-field-error");
        BROWSER.assertAccessible("submit form with a field error");

        type("f-original_language", "en");
        BROWSER.chromium().clickThrough(driver().findElement(By.id("record-submit")));
        assertTrue(driver().findElements(By.cssSelector(".field-error")).isEmpty(), driver().getCurrentUrl());
        BROWSER.open("/en/account");
        WebElement mine = driver().findElement(By.cssSelector("#submissions tbody tr"));
        assertTrue(mine.getText().contains(TITLE), mine.getText());
        assertEquals(0, searchHits(), "not public before a moderator approves it");

        // The moderator publishes it from the queue.
        BROWSER.chromium().clearCookies();
        signIn("moses");
        BROWSER.chromium().clickThrough(driver().findElement(By.id("queue-link")));
        BROWSER.assertAccessible("moderation queue");
        BROWSER.chromium().clickThrough(driver().findElement(By.linkText(TITLE)));
        BROWSER.assertAccessible("review");
        BROWSER.screenshot("review");
        driver().findElement(By.id("decision-approve")).click();
        type("comment", "Checked against the publisher's site.");
        BROWSER.chromium().clickThrough(driver().findElement(By.id("review-submit")));
        assertTrue(driver().findElements(By.id("review-error")).isEmpty(), driver().getPageSource());

        // Anyone finds it.
        BROWSER.chromium().clearCookies();
        BROWSER.chromium().waitFor("the published record in search", () -> searchHits() == 1);
        WebElement card = driver().findElement(By.cssSelector("#results > li.card"));
        assertEquals("Course", card.findElement(By.cssSelector(".type")).getText());
        BROWSER.chromium().clickThrough(card.findElement(By.cssSelector("h3 a")));
        assertEquals(TITLE, driver().findElement(By.tagName("h1")).getText());
        BROWSER.screenshot("published");
    }

    /** Searches as a visitor for the submission's exact title and returns how many records the page counts. */
    private static long searchHits() {
        BROWSER.open("/en/search?q=" + java.net.URLEncoder.encode("\"" + TITLE + "\"", java.nio.charset.StandardCharsets.UTF_8));
        return Numbers.in(driver().findElement(By.id("result-count")).getText());
    }
}
