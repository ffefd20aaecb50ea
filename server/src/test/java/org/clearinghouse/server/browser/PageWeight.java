package org.clearinghouse.server.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * What one page load transferred, as the browser's Navigation and Resource Timing report it: per entry the bytes
 * on the wire ({@code transferSize}: headers and the body as sent, compressed or not) and the body alone
 * ({@code encodedBodySize}).
 */
public record PageWeight(String url, List<Entry> entries) {
    /** The budget: a page's first load, everything together, at most 60 KB. */
    public static final long BUDGET_BYTES = 60 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Entry(String name, String kind, long transferSize, long encodedBodySize, long decodedBodySize) {
        /** A load answered from a cache reports no transfer; count its body so it cannot hide from the budget. */
        long counted() {
            return Math.max(transferSize, encodedBodySize);
        }
    }

    static PageWeight read(WebDriver driver) {
        String json = (String) ((JavascriptExecutor) driver).executeScript("""
                return JSON.stringify(performance.getEntriesByType('navigation')
                    .concat(performance.getEntriesByType('resource'))
                    .map(e => ({name: e.name, kind: e.entryType === 'navigation' ? 'document' : e.initiatorType,
                                transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize})));
                """);
        try {
            List<Entry> entries = new ArrayList<>();
            for (JsonNode e : JSON.readTree(json)) {
                entries.add(new Entry(e.path("name").asText(), e.path("kind").asText(), e.path("transfer").asLong(),
                        e.path("encoded").asLong(), e.path("decoded").asLong()));
            }
            return new PageWeight(driver.getCurrentUrl(), List.copyOf(entries));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes transferred for the page and everything it loaded. */
    public long total() {
        return entries.stream().mapToLong(Entry::counted).sum();
    }

    /** Bodies as sent (after compression), without headers. */
    public long encodedBodies() {
        return entries.stream().mapToLong(Entry::encodedBodySize).sum();
    }

    /** Entries loaded from anywhere but the page's own origin (the site must make no third-party requests). */
    public List<Entry> foreign() {
        URI page = URI.create(url);
        return entries.stream().filter(e -> {
            URI u = URI.create(e.name());
            return !("data".equals(u.getScheme()) || Objects.equals(u.getScheme(), page.getScheme())
                    && Objects.equals(u.getHost(), page.getHost()) && u.getPort() == page.getPort());
        }).toList();
    }

    /** One line per entry, for failure messages and the test log. */
    public String describe() {
        StringBuilder text = new StringBuilder(url).append(": ").append(total()).append(" bytes transferred (budget ")
                .append(BUDGET_BYTES).append(")");
        for (Entry e : entries) {
            text.append("\n  ").append(e.kind()).append(' ').append(e.name()).append(": ").append(e.transferSize())
                    .append(" transferred, ").append(e.encodedBodySize()).append(" body as sent, ")
                    .append(e.decodedBodySize()).append(" decoded");
        }
        return text.toString();
    }
}
