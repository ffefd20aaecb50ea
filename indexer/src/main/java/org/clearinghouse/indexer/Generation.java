package org.clearinghouse.indexer;

import java.io.IOException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;

/**
 * A writer with its near-real-time searchers. A rebuild writes a new generation beside the old one, whose
 * searchers keep answering until the new one is committed and swapped in.
 */
final class Generation {
    /** Changes become visible within a second even when nobody waits for them. */
    private static final double MAX_STALE_SECONDS = 1.0;
    private static final double MIN_STALE_SECONDS = 0.05;

    final IndexWriter writer;
    final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;

    Generation(IndexWriter writer, SearcherFactory factory) throws IOException {
        this.writer = writer;
        this.searchers = new SearcherManager(writer, true, false, factory);
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, MAX_STALE_SECONDS, MIN_STALE_SECONDS);
        reopener.setName("clearinghouse-index-reopen");
        reopener.setDaemon(true);
        reopener.start();
    }

    /**
     * Makes every change the writer holds searchable now, near-real-time from the writer (no commit): the
     * reopen thread alone would wait up to its minimum staleness first.
     */
    void refreshNow() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Stops refreshing and closes the writer; the current searchers stay usable. */
    void stopWriting() throws IOException {
        reopener.close();
        writer.close();
    }

    void closeSearchers() throws IOException {
        searchers.close();
    }
}
