package org.clearinghouse.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.clearinghouse.indexer.IndexService;
import org.clearinghouse.indexer.SearchDocument;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.config.SearchConfig;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this process's index in step with the database: rebuilds it when it is missing, corrupt or outdated,
 * then follows the change sequence by polling. Every server process does this on its own, so several
 * processes sharing one PostgreSQL converge.
 */
public final class IndexSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexSync.class);

    private final IndexService index;
    private final ResourceRepository repository;
    private final SearchDocuments documents;
    private final SearchConfig config;
    private final ScheduledExecutorService poller;
    private long applied;

    public IndexSync(IndexService index, ResourceRepository repository, SearchDocuments documents, SearchConfig config) {
        this.index = index;
        this.repository = repository;
        this.documents = documents;
        this.config = config;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "index-sync");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Brings the index up to date before the server answers, then keeps it so in the background. */
    public void start() {
        if (index.needsRebuild()) {
            rebuild();
        } else {
            applied = index.lastAppliedSequence();
        }
        catchUp();
        poller.scheduleWithFixedDelay(this::pollOnce, config.pollMillis(), config.pollMillis(), TimeUnit.MILLISECONDS);
    }

    /** Rebuilds the whole index from the published records. */
    public synchronized void rebuild() {
        long started = System.nanoTime();
        // A record changed while the rebuild reads is re-applied by the catch-up that follows, because the
        // rebuild records no sequence later than the one read before it started.
        long snapshot = repository.lastChangeSeq();
        Iterator<SearchDocument> published = new PublishedRecords(snapshot);
        try {
            index.rebuild(published);
        } catch (IOException e) {
            throw new UncheckedIOException("could not rebuild the search index", e);
        }
        applied = snapshot;
        LOG.info("search index rebuilt from the database in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void pollOnce() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            LOG.warn("index catch-up failed; retrying at the next poll", e);
        }
    }

    /** Applies every change after the last one applied; returns the sequence now reflected. */
    public synchronized long catchUp() {
        while (true) {
            List<Resource> changed = repository.changedSince(applied, config.batchSize());
            if (changed.isEmpty()) {
                return applied;
            }
            List<SearchDocument> upserts = new ArrayList<>();
            List<String> deletes = new ArrayList<>();
            for (Resource resource : changed) {
                if (resource.isPublished()) {
                    upserts.add(documents.of(resource));
                } else {
                    deletes.add(resource.id().toString());
                }
            }
            long upTo = changed.get(changed.size() - 1).changeSeq();
            try {
                index.apply(upserts, deletes, upTo);
            } catch (IOException e) {
                throw new UncheckedIOException("could not apply changes to the search index", e);
            }
            applied = upTo;
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Published records in id order, read a batch at a time so memory stays flat at any catalogue size. */
    private final class PublishedRecords implements Iterator<SearchDocument> {
        private final long snapshot;
        private final List<Resource> batch = new ArrayList<>();
        private int position;
        private UUID after;
        private boolean exhausted;

        PublishedRecords(long snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public boolean hasNext() {
            if (position < batch.size()) {
                return true;
            }
            if (exhausted) {
                return false;
            }
            batch.clear();
            position = 0;
            batch.addAll(repository.publishedForIndex(after, config.batchSize()));
            exhausted = batch.size() < config.batchSize();
            if (!batch.isEmpty()) {
                after = batch.get(batch.size() - 1).id();
            }
            return !batch.isEmpty();
        }

        @Override
        public SearchDocument next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SearchDocument doc = documents.of(batch.get(position++));
            return doc.changeSequence() <= snapshot ? doc : withSequence(doc, snapshot);
        }
    }

    private static SearchDocument withSequence(SearchDocument d, long sequence) {
        return new SearchDocument(d.id(), d.slug(), d.type(), d.originalLanguage(), d.texts(), d.url(), d.publisher(),
                d.countries(), d.regions(), d.languages(), d.themes(), d.levels(), d.audiences(), d.license(), d.year(),
                d.open(), d.keywords(), sequence);
    }
}
