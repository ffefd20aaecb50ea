package org.clearinghouse.server.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Reads the server's own access log ({@code "access"} logger: method, path, status, milliseconds, request id)
 * while the bench runs, instead of printing it: the server-side time of each search, which tells the HTTP
 * client's and the scheduler's share of the API latency from the server's. Restores the logger on close.
 */
final class AccessTimes extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    static final String SEARCH_PATH = "/api/v1/search";
    static final String PAGE_PATH = "/en/search";
    private final Logger access = (Logger) LoggerFactory.getLogger("access");
    private final Level level = access.getLevel();
    private final boolean additive = access.isAdditive();
    private final List<Long> nanos = new ArrayList<>();
    private final List<Long> pageNanos = new ArrayList<>();

    AccessTimes() {
        setName("bench-access-times");
        setContext(access.getLoggerContext());
        start();
        access.addAppender(this);
        access.setAdditive(false);
        access.setLevel(Level.INFO);
    }

    @Override
    protected void append(ILoggingEvent event) {
        Object[] args = event.getArgumentArray();
        if (args == null || args.length < 4) {
            return;
        }
        String path = String.valueOf(args[1]);
        List<Long> into = SEARCH_PATH.equals(path) ? nanos : PAGE_PATH.equals(path) ? pageNanos : null;
        if (into == null) {
            return;
        }
        try {
            long value = Math.round(Double.parseDouble(String.valueOf(args[3]).replace(',', '.')) * 1_000_000);
            synchronized (nanos) {
                into.add(value);
            }
        } catch (NumberFormatException e) {
            // not the access log's usual line
        }
    }

    void clear() {
        synchronized (nanos) {
            nanos.clear();
            pageNanos.clear();
        }
    }

    /** Server-side times of the searches logged since the last {@link #clear()} (0.1 ms resolution). */
    List<Long> searches() {
        synchronized (nanos) {
            return List.copyOf(nanos);
        }
    }

    /** Server-side times of the web search pages ({@code /en/search}) logged since the last {@link #clear()}. */
    List<Long> pages() {
        synchronized (nanos) {
            return List.copyOf(pageNanos);
        }
    }

    @Override
    public void close() {
        access.detachAppender(this);
        access.setAdditive(additive);
        access.setLevel(level);
        stop();
    }
}
