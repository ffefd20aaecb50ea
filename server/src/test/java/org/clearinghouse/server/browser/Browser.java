package org.clearinghouse.server.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

/**
 * Browser tests against the real clearinghouse: per test class, its own database with the seed catalogue, the real
 * application on a free port, and one headless Chromium (a second one with JavaScript disabled on demand).
 * Register as a static field: {@code @RegisterExtension static final Browser BROWSER = Browser.onApplication();}
 *
 * <p>Without Chromium installed the tests are skipped with the reason, unless {@code CLEARINGHOUSE_BROWSER_TESTS} is
 * {@code required} (CI sets it): then they fail. A failing test leaves a screenshot of where it stood.
 */
public final class Browser implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    /** What the browser visits: started before the class's tests, closed after them. */
    interface Site {
        String base();

        default Application application() {
            return null;
        }

        void close();
    }

    /** Starts the site of one test class. */
    interface SiteStarter {
        Site start(ExtensionContext context);
    }

    private final SiteStarter starter;
    private final TestPostgres postgres;
    private Site site;
    private Chromium chromium;
    private Chromium withoutJavaScript;
    private volatile String testName = "setup";

    private Browser(SiteStarter starter, TestPostgres postgres) {
        this.starter = starter;
        this.postgres = postgres;
    }

    /**
     * The real application with the seed catalogue, on this class's own database; {@code env} are further settings
     * as name, value pairs (e.g. {@code "CLEARINGHOUSE_BOOTSTRAP_TOKEN", "..."}).
     */
    public static Browser onApplication(String... env) {
        TestPostgres postgres = new TestPostgres();
        return new Browser(context -> {
            postgres.beforeAll(context);
            List<String> settings = new ArrayList<>(List.of("CLEARINGHOUSE_SEED", "true"));
            settings.addAll(List.of(env));
            Application app;
            try {
                app = postgres.startApplication(settings.toArray(String[]::new));
            } catch (RuntimeException e) {
                postgres.afterAll(context);
                throw e;
            }
            return new Site() {
                @Override
                public String base() {
                    return "http://localhost:" + app.port();
                }

                @Override
                public Application application() {
                    return app;
                }

                @Override
                public void close() {
                    try {
                        app.close();
                    } finally {
                        postgres.afterAll(context);
                    }
                }
            };
        }, postgres);
    }

    /** Any other site, e.g. a test-only server of fixture pages for testing this harness itself. */
    static Browser on(Supplier<Site> site) {
        return new Browser(context -> site.get(), null);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Chromium.missing()
                .filter(reason -> !Chromium.required())
                .map(reason -> ConditionEvaluationResult.disabled("Browser tests skipped: " + reason
                        + ". (With " + Chromium.REQUIREMENT_VARIABLE + "=required, as in CI, they fail instead.)"))
                .orElse(ConditionEvaluationResult.enabled("a browser is installed, or required"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Chromium.missing().ifPresent(reason -> {
            throw new IllegalStateException(Chromium.REQUIREMENT_VARIABLE + "=required but " + reason);
        });
        testName = context.getRequiredTestClass().getSimpleName();
        site = starter.start(context);
        chromium = Chromium.start(site.base(), () -> testName, true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            for (Chromium browser : new Chromium[] {withoutJavaScript, chromium}) {
                if (browser != null) {
                    browser.close();
                }
            }
        } finally {
            if (site != null) {
                site.close();
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testName = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        chromium.resetViewport();
        chromium.clearCookies();
        if (withoutJavaScript != null) {
            withoutJavaScript.clearCookies();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            try {
                chromium.screenshot("failure");
            } catch (RuntimeException e) {
                context.getExecutionException().get().addSuppressed(e);
            }
        }
    }

    /** The browser with JavaScript on, the one every method below drives. */
    public Chromium chromium() {
        return chromium;
    }

    /** A second browser with JavaScript disabled, started on first use and kept for the class. */
    public Chromium withoutJavaScript() {
        if (withoutJavaScript == null) {
            withoutJavaScript = Chromium.start(site.base(), () -> testName, false);
        }
        return withoutJavaScript;
    }

    /** The running application (only for {@link #onApplication}). */
    public Application application() {
        return site.application();
    }

    /** This class's database (only for {@link #onApplication}). */
    public TestPostgres postgres() {
        return postgres;
    }

    public WebDriver driver() {
        return chromium.driver();
    }

    public String url(String path) {
        return chromium.url(path);
    }

    public void open(String path) {
        chromium.open(path);
    }

    public List<Axe.Violation> axe() {
        return chromium.axe();
    }

    public void assertAccessible(String page) {
        chromium.assertAccessible(page);
    }

    public PageWeight weigh(String path) {
        return chromium.weigh(path);
    }

    public Path screenshot(String page) {
        return chromium.screenshot(page);
    }
}
