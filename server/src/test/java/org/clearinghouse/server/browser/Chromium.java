package org.clearinghouse.server.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium, the system's (Debian's {@code chromium} and {@code chromium-driver}), driven through its own
 * chromedriver. The driver's path is always given, so Selenium Manager is never asked for anything and nothing is
 * downloaded. Each instance has a fresh profile, deleted on {@link #close()}.
 */
public final class Chromium implements AutoCloseable {
    /** Set to {@code required} (CI does) to fail instead of skip when no browser is installed. */
    static final String REQUIREMENT_VARIABLE = "CLEARINGHOUSE_BROWSER_TESTS";
    private static final Path BINARY = Path.of(envOr("CLEARINGHOUSE_CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(envOr("CLEARINGHOUSE_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 900;
    /** Full-page screenshots stop here: enough to see a page, not a poster of an endless list. */
    private static final int MAX_SCREENSHOT_HEIGHT = 6000;

    /**
     * Selenium looks for a devtools module matching the browser's version at every start and warns when there is
     * none; these tests only use chromedriver's own CDP pass-through, which needs none.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private final Supplier<String> testName;

    private Chromium(ChromeDriverService service, ChromeDriver driver, Path profile, String base, Supplier<String> testName) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.base = base;
        this.testName = testName;
    }

    /** Why the browser tests cannot run here, if they cannot. */
    static Optional<String> missing() {
        for (Path path : List.of(BINARY, DRIVER)) {
            if (!Files.isExecutable(path)) {
                return Optional.of(path + " is not installed: the browser tests need Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver, as .ci/run does), or CLEARINGHOUSE_CHROMIUM and "
                        + "CLEARINGHOUSE_CHROMEDRIVER naming a Chromium and its matching chromedriver");
            }
        }
        return Optional.empty();
    }

    static boolean required() {
        return "required".equalsIgnoreCase(System.getenv(REQUIREMENT_VARIABLE));
    }

    /**
     * Starts a browser whose relative paths resolve against {@code base}; screenshots are named after
     * {@code testName}'s current value. {@code javaScript} false starts it with scripts disabled.
     */
    static Chromium start(String base, Supplier<String> testName, boolean javaScript) {
        missing().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--disable-default-apps", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--window-size=" + WIDTH + "," + HEIGHT, "--lang=en-US", "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", "en-US,en");
        if (!javaScript) {
            options.addArguments("--blink-settings=scriptEnabled=false");
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
            return new Chromium(service, driver, profile, base, testName);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** The absolute URL of a path of the site under test. */
    public String url(String path) {
        return path.startsWith("http:") || path.startsWith("https:") ? path : base + path;
    }

    /** Loads a path of the site and waits for its load event. */
    public void open(String path) {
        driver.get(url(path));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs axe-core (WCAG 2.1 A and AA) on the current page and returns its violations. */
    public List<Axe.Violation> axe() {
        return Axe.run(driver);
    }

    /** Fails listing every axe-core violation of the current page (rule, impact, help and the elements). */
    public void assertAccessible(String page) {
        Axe.assertNone(page, driver.getCurrentUrl(), axe());
    }

    /**
     * Loads a path as a first visit would, with the cache bypassed, and returns what came over the wire: the
     * document and every resource it loaded.
     */
    public PageWeight weigh(String path) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        try {
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
            open(path);
            return PageWeight.read(driver);
        } finally {
            driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        }
    }

    /**
     * Saves the whole current page (up to a height limit) as
     * {@code target/browser-screenshots/<TestClass>-<testMethod>-<page>.png} and returns the file.
     */
    public Path screenshot(String page) {
        Path file = SCREENSHOTS.resolve(testName.get() + "-" + page.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        double width = ((Number) metrics.get("width")).doubleValue();
        double height = Math.min(((Number) metrics.get("height")).doubleValue(), MAX_SCREENSHOT_HEIGHT);
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Does something that loads another page (clicks a link or a submit button, presses Enter in a form) and returns
     * once that page has loaded, so nothing is read from the page being left.
     */
    public void navigate(Runnable action) {
        WebElement leaving = driver.findElement(By.tagName("html"));
        action.run();
        waitFor("the next page", () -> {
            try {
                leaving.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return "complete".equals(script("return document.readyState"));
            } catch (WebDriverException loading) {
                return false;
            }
        });
    }

    /** Clicks a link or a submit button and waits for the page it leads to. */
    public void clickThrough(WebElement element) {
        navigate(element::click);
    }

    /** Waits up to ten seconds for something to happen after a page loaded (a script, a background task). */
    public void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 10 s in vain for " + what + " on " + driver.getCurrentUrl());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Changes the viewport, e.g. to a 320 px phone; {@link #resetViewport()} goes back. */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    public void resetViewport() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Forgets every cookie (a signed-out visitor) without restarting the browser. */
    public void clearCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A profile left in the temporary directory is harmless.
        }
    }
}
