package org.clearinghouse.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.clearinghouse.server.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Searching the seed catalogue as a visitor does: typing, ticking facets, removing filters, in English and Arabic. */
class SearchBrowserTest {
    @RegisterExtension
    static final Browser BROWSER = Browser.onApplication();
    private static Http api;

    @BeforeAll
    static void connect() {
        api = new Http(BROWSER.application().port());
    }

    private static WebDriver driver() {
        return BROWSER.driver();
    }

    private static long shownTotal(WebDriver driver) {
        return Numbers.in(driver.findElement(By.id("result-count")).getText());
    }

    private static long apiTotal(String query) {
        Http.Response response = api.get("/api/v1/search?" + query);
        assertEquals(200, response.status(), response.body());
        return response.json().path("total").asLong();
    }

    private static long facetCount(String id) {
        return Numbers.in(driver().findElement(By.cssSelector("label[for='" + id + "'] .count")).getText());
    }

    @Test
    void aSearchNarrowedByTwoFacetsShowsExactlyTheRecordsOfBoth() {
        BROWSER.open("/en/");
        BROWSER.chromium().navigate(() -> driver().findElement(By.id("home-q")).sendKeys("artificial intelligence", Keys.ENTER));
        assertEquals(BROWSER.url("/en/search?q=artificial+intelligence"), driver().getCurrentUrl());
        long all = shownTotal(driver());
        assertEquals(apiTotal("q=artificial+intelligence&lang=en"), all);
        assertTrue(all > 20, "the seed catalogue has many records about AI: " + all);

        long policies = facetCount("f-type-policy");
        driver().findElement(By.id("f-type-policy")).click();
        BROWSER.chromium().clickThrough(driver().findElement(By.id("filters-submit")));
        assertEquals(policies, shownTotal(driver()), "the facet's count is the narrowed search's total");
        assertEquals(apiTotal("q=artificial+intelligence&lang=en&type=policy"), policies);
        assertTrue(policies > 0 && policies < all, policies + " of " + all);

        // The region with the most policies, as the facet lists it first.
        WebElement region = driver().findElement(By.cssSelector("input[type=checkbox][name=region]"));
        String regionId = region.getDomAttribute("id");
        String regionValue = region.getDomAttribute("value");
        long both = facetCount(regionId);
        region.click();
        BROWSER.chromium().clickThrough(driver().findElement(By.id("filters-submit")));
        assertEquals(both, shownTotal(driver()));
        assertEquals(apiTotal("q=artificial+intelligence&lang=en&type=policy&region=" + regionValue), both);
        assertTrue(both > 0 && both < policies, both + " of " + policies);
        assertTrue(driver().findElement(By.id("f-type-policy")).isSelected());
        assertTrue(driver().findElement(By.id(regionId)).isSelected());
        List<WebElement> cards = driver().findElements(By.cssSelector("#results > li.card"));
        assertEquals(Math.min(both, 20), cards.size());
        for (WebElement card : cards) {
            assertEquals("Policy", card.findElement(By.cssSelector(".type")).getText());
        }
        BROWSER.screenshot("search-two-facets");

        // Each active filter link removes that filter alone: dropping the region gives the policies back.
        List<WebElement> active = driver().findElements(By.cssSelector("ul.filters a"));
        assertEquals(3, active.size(), "the words, the type and the region");
        active.stream().filter(a -> !a.getDomAttribute("href").contains("region=")).filter(a -> a.getDomAttribute("href").contains("type="))
                .findFirst().ifPresentOrElse(BROWSER.chromium()::clickThrough, () -> fail("no link removing the region"));
        assertEquals(policies, shownTotal(driver()));
        assertTrue(driver().findElement(By.id("f-type-policy")).isSelected());
        assertEquals(2, driver().findElements(By.cssSelector("ul.filters a")).size());
    }

    @Test
    void switchingToArabicLaysThePageOutRightToLeft() {
        BROWSER.open("/en/search?q=teachers");
        long width = (Long) BROWSER.chromium().script("return window.innerWidth");
        Rectangle brandEn = driver().findElement(By.cssSelector("header.site .brand")).getRect();
        Rectangle facetsEn = driver().findElement(By.cssSelector(".layout > .refine")).getRect();
        Rectangle resultsEn = driver().findElement(By.cssSelector(".layout > .results")).getRect();
        assertTrue(brandEn.getX() < width / 4, "English starts at the left: " + brandEn.getX());
        assertTrue(facetsEn.getX() < resultsEn.getX(), "English facets are left of the results");

        BROWSER.chromium().clickThrough(driver().findElement(By.cssSelector("nav.langs a[hreflang=ar]")));
        assertEquals(BROWSER.url("/ar/search?q=teachers"), driver().getCurrentUrl());
        WebElement html = driver().findElement(By.tagName("html"));
        assertEquals("ar", html.getDomAttribute("lang"));
        assertEquals("rtl", html.getDomAttribute("dir"));
        assertEquals("rtl", driver().findElement(By.tagName("body")).getCssValue("direction"));
        assertEquals("rtl", driver().findElement(By.id("q")).getCssValue("direction"));

        Rectangle brand = driver().findElement(By.cssSelector("header.site .brand")).getRect();
        Rectangle facets = driver().findElement(By.cssSelector(".layout > .refine")).getRect();
        Rectangle results = driver().findElement(By.cssSelector(".layout > .results")).getRect();
        assertTrue(brand.getX() + brand.getWidth() > width * 3 / 4, "Arabic starts at the right: " + brand);
        assertTrue(facets.getX() > results.getX(), "Arabic facets are right of the results: " + facets + " " + results);
        Rectangle label = driver().findElement(By.cssSelector("label[for=q]")).getRect();
        Rectangle input = driver().findElement(By.id("q")).getRect();
        assertTrue(label.getX() + label.getWidth() > input.getX() + input.getWidth() || label.getY() < input.getY(),
                "the search label comes before its box, reading right to left");
        assertEquals(apiTotal("q=teachers&lang=ar"), shownTotal(driver()));
        BROWSER.screenshot("search-ar");
    }

    @Test
    void withoutJavaScriptTheFormsStillSearchAndFilter() {
        Chromium noScript = BROWSER.withoutJavaScript();
        WebDriver driver = noScript.driver();
        noScript.open("/en/");
        driver.findElement(By.id("home-q")).sendKeys("teachers");
        noScript.clickThrough(driver.findElement(By.cssSelector("form.search-box button[type=submit]")));
        assertEquals(noScript.url("/en/search?q=teachers"), driver.getCurrentUrl());
        long teachers = shownTotal(driver);
        assertEquals(apiTotal("q=teachers&lang=en"), teachers);

        driver.findElement(By.id("f-type-course")).click();
        noScript.clickThrough(driver.findElement(By.id("filters-submit")));
        assertEquals(apiTotal("q=teachers&lang=en&type=course"), shownTotal(driver));

        driver.findElement(By.cssSelector("#sort option[value=newest]")).click();
        noScript.clickThrough(driver.findElement(By.id("sort-submit")));
        assertTrue(driver.getCurrentUrl().contains("sort=newest"), driver.getCurrentUrl());
        assertEquals(apiTotal("q=teachers&lang=en&type=course"), shownTotal(driver));
        noScript.screenshot("search-no-javascript");
    }

    @Test
    void withJavaScriptTheSearchBoxOffersSuggestionsAsYouType() {
        // The suggester is built in the background after start: wait until the API has suggestions to offer.
        List<String> expected = new java.util.ArrayList<>();
        BROWSER.chromium().waitFor("the suggester", () -> {
            expected.clear();
            api.get("/api/v1/suggest?limit=8&lang=en&q=teach").json().path("suggestions")
                    .forEach(s -> expected.add(s.path("text").asText()));
            return !expected.isEmpty();
        });
        BROWSER.open("/en/search");
        driver().findElement(By.id("q")).sendKeys("teach");
        String list = driver().findElement(By.id("q")).getDomAttribute("list");
        By options = By.cssSelector("datalist#" + list + " option");
        BROWSER.chromium().waitFor("suggestions for 'teach'", () -> !driver().findElements(options).isEmpty());
        List<String> offered = driver().findElements(options).stream().map(o -> o.getDomAttribute("value")).toList();
        assertEquals(expected, offered);
    }

    @Test
    void theFirstTabReachesTheSkipLinkWhichMovesFocusToTheContent() {
        BROWSER.open("/en/search?q=policy");
        driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = driver().switchTo().activeElement();
        assertEquals("skip", focused.getDomAttribute("class"));
        assertTrue(focused.getRect().getY() >= 0, "the focused skip link is on screen: " + focused.getRect());
        assertTrue(focused.isDisplayed());
        focused.sendKeys(Keys.ENTER);
        assertEquals("main", driver().switchTo().activeElement().getDomAttribute("id"));
    }
}
