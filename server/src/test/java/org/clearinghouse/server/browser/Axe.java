package org.clearinghouse.server.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the npm package (fetched and checksummed at build time, see the server's pom), injected into the page
 * under test and run against WCAG 2.1 levels A and AA.
 */
public final class Axe {
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = load();

    private Axe() {
    }

    /** One rule the page breaks, with every element that breaks it. */
    public record Violation(String id, String impact, String help, String helpUrl, List<Node> nodes) {
        public List<List<String>> targets() {
            return nodes.stream().map(Node::target).toList();
        }
    }

    /** An element that breaks a rule: its selector path (one per frame or shadow root), its markup, and why. */
    public record Node(List<String> target, String html, String failureSummary) {
    }

    static List<Violation> run(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SOURCE);
        }
        Object answer = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                    .then(results => done(JSON.stringify(results.violations)))
                    .catch(error => done('axe failed: ' + error));
                """, TAGS);
        String text = String.valueOf(answer);
        if (!text.startsWith("[")) {
            throw new IllegalStateException(text);
        }
        try {
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : JSON.readTree(text)) {
                List<Node> nodes = new ArrayList<>();
                for (JsonNode n : v.path("nodes")) {
                    List<String> target = new ArrayList<>();
                    // A selector is a string, or a list of strings when it crosses shadow roots.
                    n.path("target").forEach(t -> target.add(t.isTextual() ? t.asText() : t.toString()));
                    nodes.add(new Node(target, n.path("html").asText(), n.path("failureSummary").asText()));
                }
                violations.add(new Violation(v.path("id").asText(), v.path("impact").asText(), v.path("help").asText(),
                        v.path("helpUrl").asText(), nodes));
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with every violation spelled out: rule id, impact, help, and each element's selector and markup. */
    static void assertNone(String page, String url, List<Violation> violations) {
        if (!violations.isEmpty()) {
            fail(describe(page, url, violations));
        }
    }

    static String describe(String page, String url, List<Violation> violations) {
        StringBuilder message = new StringBuilder()
                .append(violations.size()).append(" axe-core violation(s) of WCAG 2.1 A/AA on the ").append(page)
                .append(" page (").append(url).append("):");
        for (Violation v : violations) {
            message.append("\n- ").append(v.id()).append(" [").append(v.impact()).append("] ").append(v.help())
                    .append(" (").append(v.helpUrl()).append(")");
            for (Node n : v.nodes()) {
                message.append("\n    at ").append(String.join(" >>> ", n.target())).append("  ")
                        .append(abbreviate(n.html()));
            }
        }
        return message.toString();
    }

    private static String abbreviate(String html) {
        String flat = html.replaceAll("\\s+", " ");
        return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe-core/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core/axe.min.js is not on the test classpath: the build fetches it "
                        + "(download-axe-core in server/pom.xml) in generate-test-resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
