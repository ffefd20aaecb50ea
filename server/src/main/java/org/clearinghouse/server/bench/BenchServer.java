package org.clearinghouse.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearinghouse.indexer.IndexService;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.config.AppConfig;
import org.clearinghouse.server.config.SearchConfig;
import org.clearinghouse.server.config.StorageConfig;
import org.clearinghouse.server.db.Database;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.search.IndexSync;
import org.clearinghouse.server.search.SearchDocuments;
import org.clearinghouse.server.search.ThesaurusLoader;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * The clearinghouse itself, in process: first the index is rebuilt from the database through {@link IndexSync}
 * and {@link IndexService}, exactly as a server's first start rebuilds a missing index (that is what is timed);
 * then {@link Application#start} starts the real server on that index (on a free port, without the seed
 * catalogue), which finds it up to date and follows the change sequence from there. The raw-Lucene way
 * searches the application's own {@link IndexService}: the very index the HTTP API serves.
 */
final class BenchServer implements AutoCloseable {
    final long rebuildNanos;
    /** CPU time this process spent in the rebuild (all its threads), or -1 when the JVM cannot tell. */
    final long rebuildCpuNanos;
    /** Reading the published records and mapping them to search documents alone, without indexing them. */
    final long readNanos;
    final IndexService index;
    final int pollMillis;
    private final Application application;

    private BenchServer(long rebuildNanos, long rebuildCpuNanos, long readNanos, Application application, IndexService index,
                        int pollMillis) {
        this.rebuildNanos = rebuildNanos;
        this.rebuildCpuNanos = rebuildCpuNanos;
        this.readNanos = readNanos;
        this.application = application;
        this.index = index;
        this.pollMillis = pollMillis;
    }

    /**
     * @param database the database the records are in, for the rebuild
     * @param appDatabase a pool of the application's own (it closes it when it stops)
     */
    static BenchServer start(Database database, Database appDatabase, Path dataDir, Map<String, String> env,
                             Vocabularies vocabularies, ObjectMapper mapper) throws IOException {
        Map<String, String> appEnv = new HashMap<>(env);
        appEnv.put("PORT", "0");
        appEnv.put("CLEARINGHOUSE_DATA_DIR", dataDir.toString());
        appEnv.put("CLEARINGHOUSE_SEED", "false");
        AppConfig config;
        try {
            config = AppConfig.fromEnv(appEnv);
        } catch (RuntimeException e) {
            appDatabase.close();
            throw e;
        }
        StorageConfig storage = config.storage();
        SearchConfig search = config.search();
        long rebuildNanos;
        long rebuildCpuNanos;
        long readNanos;
        ResourceRepository repository = new ResourceRepository(database.dsl(), mapper);
        SearchDocuments documents = new SearchDocuments(vocabularies);
        try (IndexService index = IndexService.open(storage.indexDir(), ThesaurusLoader.load(mapper));
             IndexSync sync = new IndexSync(index, repository, documents, search)) {
            if (!index.needsRebuild()) {
                throw new IllegalStateException("the bench index directory " + storage.indexDir() + " already holds an index");
            }
            // What the rebuild costs outside the indexer: the same reads and mapping, without indexing.
            long readStarted = System.nanoTime();
            UUID after = null;
            while (true) {
                List<Resource> batch = repository.publishedForIndex(after, search.batchSize());
                batch.forEach(documents::of);
                if (batch.size() < search.batchSize()) {
                    break;
                }
                after = batch.get(batch.size() - 1).id();
            }
            readNanos = System.nanoTime() - readStarted;
            long cpu = Benchmark.processCpuNanos();
            long started = System.nanoTime();
            sync.rebuild();
            rebuildNanos = System.nanoTime() - started;
            rebuildCpuNanos = cpu < 0 ? -1 : Benchmark.processCpuNanos() - cpu;
        } catch (IOException | RuntimeException e) {
            appDatabase.close();
            throw e;
        }
        Application application = Application.start(config, appDatabase, List.of());
        try {
            IndexService index = application.searchIndex();
            if (index.needsRebuild()) {
                throw new IllegalStateException("the server did not accept the index the bench rebuilt");
            }
            return new BenchServer(rebuildNanos, rebuildCpuNanos, readNanos, application, index, search.pollMillis());
        } catch (RuntimeException e) {
            application.close();
            throw e;
        }
    }

    int port() {
        return application.port();
    }

    @Override
    public void close() {
        application.close();
    }
}
