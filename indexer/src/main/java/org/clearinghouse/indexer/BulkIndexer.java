package org.clearinghouse.indexer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Adds a stream of documents to a fresh writer from several threads (analysis dominates indexing and the
 * writer accepts concurrent additions). The caller's iterator is read on the caller's thread only.
 */
final class BulkIndexer {
    private static final int MAX_THREADS = 4;
    private static final int BATCH = 256;

    private final Analyzers analyzers;
    private final ConceptIndex concepts;
    private final FacetsConfig facets;

    BulkIndexer(Analyzers analyzers, ConceptIndex concepts, FacetsConfig facets) {
        this.analyzers = analyzers;
        this.concepts = concepts;
        this.facets = facets;
    }

    /** Indexes every document and returns the highest change sequence seen; a repeated id keeps its last version. */
    long index(IndexWriter writer, Iterator<SearchDocument> documents) throws IOException {
        int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "clearinghouse-bulk-index");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(threads * 2);
        // One builder per thread for the whole stream: its collators and keyword cache outlive a batch.
        ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(() -> new DocumentBuilder(analyzers, concepts, facets));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Set<String> ids = new HashSet<>();
        List<SearchDocument> repeated = new ArrayList<>();
        long maxSequence = 0;
        try {
            List<SearchDocument> batch = new ArrayList<>(BATCH);
            while (documents.hasNext() && failure.get() == null) {
                SearchDocument doc = documents.next();
                maxSequence = Math.max(maxSequence, doc.changeSequence());
                if (!ids.add(doc.id())) {
                    repeated.add(doc);
                    continue;
                }
                batch.add(doc);
                if (batch.size() == BATCH) {
                    submit(pool, inFlight, failure, writer, builders, batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty() && failure.get() == null) {
                submit(pool, inFlight, failure, writer, builders, batch);
            }
            inFlight.acquire(threads * 2);
            inFlight.release(threads * 2);
            // Each thread writes out one of the in-memory segments at once; the commit would write them one by one.
            for (int i = 0; i < threads && failure.get() == null; i++) {
                inFlight.acquire();
                pool.execute(() -> {
                    try {
                        writer.flushNextBuffer();
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        inFlight.release();
                    }
                });
            }
            inFlight.acquire(threads * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while rebuilding the index");
        } finally {
            // Running batches finish (interrupting them could break the writer's files); the rest never start.
            pool.shutdown();
            awaitQuietly(pool);
        }
        rethrow(failure.get());
        // Later versions of a repeated id replace the earlier ones, in stream order.
        DocumentBuilder builder = new DocumentBuilder(analyzers, concepts, facets);
        for (SearchDocument doc : repeated) {
            writer.updateDocument(new Term(Schema.ID, doc.id()), builder.build(doc));
        }
        return maxSequence;
    }

    private static void submit(ExecutorService pool, Semaphore inFlight, AtomicReference<Throwable> failure, IndexWriter writer,
                               ThreadLocal<DocumentBuilder> builders, List<SearchDocument> batch) throws InterruptedException {
        inFlight.acquire();
        pool.execute(() -> {
            try {
                DocumentBuilder builder = builders.get();
                for (SearchDocument doc : batch) {
                    if (failure.get() != null) {
                        return;
                    }
                    writer.addDocument(builder.build(doc));
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                inFlight.release();
            }
        });
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new UncheckedIOException(new IOException(failure));
    }
}
