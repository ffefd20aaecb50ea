package org.clearinghouse.server.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The browser-test harness checked against fixture pages whose faults and sizes are known, so that a green
 * accessibility or budget check on the real pages means something.
 */
class BrowserHarnessTest {
    @RegisterExtension
    static final Browser BROWSER = Browser.on(FixtureSite::start);

    @Test
    void axeFindsNothingOnAnAccessiblePage() {
        BROWSER.open("/accessible.html");
        assertEquals(List.of(), BROWSER.axe());
        BROWSER.assertAccessible("accessible");
    }

    @Test
    void axeNamesEachKnownViolationWithItsElement() {
        BROWSER.open("/broken.html");
        List<Axe.Violation> violations = BROWSER.axe();
        Map<String, List<List<String>>> byRule = violations.stream()
                .collect(Collectors.toMap(Axe.Violation::id, Axe.Violation::targets));
        assertEquals(Map.of("image-alt", List.of(List.of("#no-alt")), "label", List.of(List.of("#unlabelled"))), byRule);

        AssertionError failure = assertThrows(AssertionError.class, () -> BROWSER.assertAccessible("broken"));
        String message = failure.getMessage();
        assertTrue(message.startsWith("2 axe-core violation(s) of WCAG 2.1 A/AA on the broken page (" + BROWSER.url("/broken.html")),
                message);
        for (Axe.Violation v : violations) {
            assertTrue(message.contains("- " + v.id() + " [" + v.impact() + "] " + v.help()), message);
            assertTrue(!v.impact().isEmpty() && !v.help().isEmpty(), v.toString());
        }
        assertTrue(message.contains("at #no-alt  <img id=\"no-alt\""), message);
        assertTrue(message.contains("at #unlabelled  <input id=\"unlabelled\""), message);
    }

    @Test
    void theWeightOfAPageIsEveryByteItsFirstLoadTransferred() {
        PageWeight weight = BROWSER.weigh("/accessible.html");
        List<String> names = weight.entries().stream().map(e -> e.name().substring(BROWSER.url("").length())).toList();
        assertEquals("/accessible.html", names.get(0), weight.describe());
        assertEquals(Set.of("/harness.css", "/script-flag.js", "/mark.svg"), Set.copyOf(names.subList(1, names.size())),
                weight.describe());
        assertEquals(4, names.size(), weight.describe());
        long bodies = Arrays.stream(new String[] {"accessible.html", "harness.css", "script-flag.js", "mark.svg"})
                .mapToLong(name -> FixtureSite.bytes(name).length).sum();
        assertEquals(bodies, weight.encodedBodies(), weight.describe());
        for (PageWeight.Entry e : weight.entries()) {
            assertTrue(e.transferSize() > e.encodedBodySize(), "headers count too: " + weight.describe());
        }
        assertEquals(List.of(), weight.foreign());

        // The fixtures may be cached for an hour: a second first-visit weighing must not come out lighter.
        PageWeight again = BROWSER.weigh("/accessible.html");
        assertEquals(weight.encodedBodies(), again.encodedBodies(), again.describe());
        assertTrue(again.entries().stream().allMatch(e -> e.transferSize() > e.encodedBodySize()), again.describe());
    }

    @Test
    void screenshotsAreSavedAsBuildArtifactsNamedAfterTheTest() throws Exception {
        BROWSER.open("/accessible.html");
        Path file = BROWSER.screenshot("accessible");
        assertEquals(Path.of("target", "browser-screenshots",
                "BrowserHarnessTest-screenshotsAreSavedAsBuildArtifactsNamedAfterTheTest-accessible.png"), file);
        byte[] png = Files.readAllBytes(file);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1280, image.getWidth());
    }

    @Test
    void theSecondBrowserRunsNoScriptAndItsFormsStillSubmit() {
        BROWSER.open("/accessible.html");
        assertEquals("ran", BROWSER.driver().findElement(By.tagName("html")).getDomAttribute("data-script"));

        WebDriver noScript = BROWSER.withoutJavaScript().driver();
        BROWSER.withoutJavaScript().open("/accessible.html");
        assertNull(noScript.findElement(By.tagName("html")).getDomAttribute("data-script"));
        noScript.findElement(By.id("q")).sendKeys("teachers");
        noScript.findElement(By.cssSelector("button[type=submit]")).click();
        assertEquals(BROWSER.url("/accessible.html?q=teachers"), noScript.getCurrentUrl());
    }

    @Test
    void aPhoneSizedViewportIsAvailable() {
        BROWSER.chromium().viewport(320, 640);
        BROWSER.open("/accessible.html");
        assertEquals(320L, BROWSER.chromium().script("return window.innerWidth"));
    }
}
