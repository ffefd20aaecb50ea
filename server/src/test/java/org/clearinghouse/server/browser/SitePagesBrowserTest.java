package org.clearinghouse.server.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * Every public page type of the site in a real browser: zero axe-core violations (WCAG 2.1 A and AA) left to right
 * and right to left, within the 60 KB first-load budget, nothing loaded from elsewhere, no sideways scrolling on a
 * 320 px phone, and a screenshot of each as a build artifact.
 */
class SitePagesBrowserTest {
    @RegisterExtension
    static final Browser BROWSER = Browser.onApplication();

    /** Left to right and right to left for the accessibility checks; the longest texts (Russian) for the budget. */
    static final List<String> AXE_LANGUAGES = List.of("en", "ar");
    static final List<String> WEIGHED_LANGUAGES = List.of("en", "ar", "ru");
    /** One address of each page type, without its language prefix. */
    static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("home", "/");
        PAGES.put("search", "/search?q=teachers");
        PAGES.put("resource", "/resources/beijing-consensus-ai-education-2019");
        PAGES.put("country", "/countries/KE");
        PAGES.put("explore", "/explore");
        PAGES.put("about", "/about");
        PAGES.put("api", "/api");
    }

    static Stream<Arguments> pagesInEveryLanguage() {
        return AXE_LANGUAGES.stream().flatMap(lang -> PAGES.keySet().stream().map(page -> Arguments.of(page, lang)));
    }

    private static String path(String page, String lang) {
        return "/" + lang + PAGES.get(page);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("pagesInEveryLanguage")
    void everyPageTypeHasNoAccessibilityViolations(String page, String lang) {
        BROWSER.open(path(page, lang));
        assertEquals(lang, BROWSER.driver().findElement(By.tagName("html")).getDomAttribute("lang"));
        BROWSER.screenshot(page + "-" + lang);
        BROWSER.assertAccessible(page + " (" + lang + ")");
    }

    @Test
    void everyPageTypeFirstLoadsWithinTheBudgetFromThisSiteAlone() {
        List<Executable> checks = new ArrayList<>();
        StringBuilder table = new StringBuilder("first-load transfer per page (bytes, budget " + PageWeight.BUDGET_BYTES + "):");
        for (String lang : WEIGHED_LANGUAGES) {
            for (String page : PAGES.keySet()) {
                PageWeight weight = BROWSER.weigh(path(page, lang));
                table.append(String.format("%n  %-9s %s %,7d  (%d requests)", page, lang, weight.total(), weight.entries().size()));
                checks.add(() -> assertTrue(weight.total() <= PageWeight.BUDGET_BYTES, weight.describe()));
                checks.add(() -> assertEquals(List.of(), weight.foreign(), "third-party requests: " + weight.describe()));
                checks.add(() -> assertTrue(weight.entries().get(0).encodedBodySize() < weight.entries().get(0).decodedBodySize(),
                        "the page is sent compressed: " + weight.describe()));
            }
        }
        System.out.println(table);
        assertAll(checks);
    }

    @Test
    void everyPageTypeReflowsOnA320PixelPhoneWithoutSidewaysScrolling() {
        BROWSER.chromium().viewport(320, 640);
        List<Executable> checks = new ArrayList<>();
        for (String lang : List.of("en", "ar")) {
            for (String page : PAGES.keySet()) {
                BROWSER.open(path(page, lang));
                long scrollWidth = (Long) BROWSER.chromium().script("return document.documentElement.scrollWidth");
                if (lang.equals("en")) {
                    BROWSER.screenshot(page + "-320px");
                }
                checks.add(() -> assertTrue(scrollWidth <= 320, page + " (" + lang + ") is " + scrollWidth
                        + " px wide at 320 px"));
            }
        }
        assertAll(checks);
    }
}
