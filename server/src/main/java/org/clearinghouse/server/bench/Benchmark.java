package org.clearinghouse.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.clearinghouse.indexer.FacetCount;
import org.clearinghouse.indexer.SearchRequest;
import org.clearinghouse.indexer.SearchResult;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.ResourceValidator;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.config.ConfigException;
import org.clearinghouse.server.config.DatabaseConfig;
import org.clearinghouse.server.config.StorageConfig;
import org.clearinghouse.server.db.Database;
import org.clearinghouse.server.db.EmbeddedDatabase;
import org.clearinghouse.server.persistence.NewResource;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * The search benchmark of issue 3, item 9: loads N records built from the real corpora into PostgreSQL, rebuilds
 * the index from it as a server does, runs one fixed query mix three ways (HTTP API, raw Lucene, PostgreSQL
 * full-text search), measures publish-to-searchable latency, and reports. Writes only under its own data
 * directory (and, with DATABASE_URL, into that database, which must hold no records).
 */
public final class Benchmark {
    static final int BATCH = 1000;
    private static final long PUBLISH_TIMEOUT_NANOS = 10_000_000_000L;

    private final BenchOptions options;
    private final PrintStream out;
    private final ObjectMapper mapper = Json.mapper();
    private final Vocabularies vocabularies = Vocabularies.load(mapper);

    private final Map<String, String> env;
    private final double loadAverageAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    private Benchmark(BenchOptions options, PrintStream out, Map<String, String> env) {
        this.options = options;
        this.out = out;
        this.env = env;
    }

    /**
     * The command: a fresh bench data directory, the database (embedded under it, or DATABASE_URL), the run,
     * then the directory removed unless {@code --keep}.
     */
    public static BenchReport run(BenchOptions options, Map<String, String> env, String command, PrintStream out) {
        Path dir = prepareDataDir(options.dataDir(), env);
        boolean finished = false;
        try {
            DatabaseConfig dbConfig = DatabaseConfig.fromEnv(env);
            out.println("bench data directory: " + dir);
            BenchReport report;
            if (dbConfig.embedded()) {
                out.println("starting an embedded PostgreSQL under " + dir.resolve("postgres") + " ...");
                try (EmbeddedDatabase embedded = EmbeddedDatabase.start(dir.resolve("postgres"), true);
                     Database database = Database.open(embedded.jdbcUrl("postgres"), embedded.user(), null, 10)) {
                    report = new Benchmark(options, out, env).run(database,
                            () -> Database.open(embedded.jdbcUrl("postgres"), embedded.user(), null, 10),
                            "embedded PostgreSQL", false, dir, command);
                }
            } else {
                Supplier<Database> pool = () -> Database.open(dbConfig.url().orElseThrow(), dbConfig.user().orElse(null),
                        dbConfig.password().orElse(null), dbConfig.poolSize());
                try (Database database = pool.get()) {
                    report = new Benchmark(options, out, env).run(database, pool, "DATABASE_URL " + dbConfig.url().orElseThrow(),
                            !options.keep(), dir, command);
                }
            }
            finished = true;
            return report;
        } finally {
            if (options.keep()) {
                out.println("kept the bench data directory " + dir + (finished ? "" : " (the run failed)"));
            } else {
                deleteRecursively(dir);
            }
        }
    }

    /**
     * A run on a database opened by the caller (tests), with the index under {@code workDir}; {@code pool} opens
     * another pool on the same database for the server, which closes it when it stops.
     */
    static BenchReport run(BenchOptions options, Database database, Supplier<Database> pool, Path workDir, boolean removeRecords,
                           PrintStream out) {
        return new Benchmark(options, out, System.getenv()).run(database, pool, "test database", removeRecords, workDir, "(test)");
    }

    private BenchReport run(Database database, Supplier<Database> pool, String databaseName, boolean removeRecords, Path workDir,
                            String command) {
        // One access-log line per request would drown the report: the bench reads the access log instead of printing it.
        AccessTimes accessTimes = new AccessTimes();
        DataSource dataSource = database.dsl().configuration().connectionProvider() instanceof org.jooq.impl.DataSourceConnectionProvider p
                ? p.dataSource() : null;
        if (dataSource == null) {
            throw new IllegalStateException("the database has no data source");
        }
        ResourceRepository repository = new ResourceRepository(database.dsl(), mapper);
        List<UUID> inserted = new ArrayList<>();
        PostgresFullText postgres = new PostgresFullText(dataSource);
        try {
            long existing = database.dsl().fetchCount(org.clearinghouse.server.persistence.jooq.Tables.RESOURCE);
            if (existing > 0) {
                throw new IllegalStateException("the database already holds " + existing + " records: the bench needs an empty"
                        + " clearinghouse database of its own (unset DATABASE_URL to use an embedded one)");
            }
            Path corporaDir = options.corpora() != null ? options.corpora() : Corpora.locate();
            Prepared prepared = prepare(corporaDir, repository, inserted);
            BenchReport.Load load = prepared.load();
            List<BenchQuery> mix = prepared.mix();
            List<UUID> probes = inserted.subList((int) options.records(), inserted.size());

            out.println("starting the server; its index sync rebuilds the index from the database ...");
            try (BenchServer server = BenchServer.start(database, pool.get(), workDir, env, vocabularies, mapper)) {
                long documents = server.index.search(SearchRequest.builder().limit(1).build()).total();
                out.printf("  %,d documents in %.1f s%n", documents, server.rebuildNanos / 1e9);
                double suggesterSeconds = awaitSuggester();
                out.printf("  the server's suggester (autocomplete) was rebuilt in the background in %.1f s%n", suggesterSeconds);
                BenchReport.Rebuild rebuild = new BenchReport.Rebuild(documents, server.rebuildNanos / 1e9,
                        server.rebuildCpuNanos < 0 ? Double.NaN : server.rebuildCpuNanos / 1e9, server.readNanos / 1e9, suggesterSeconds);

                long rows = 0;
                double buildSeconds = Double.NaN;
                if (options.postgresBaseline()) {
                    out.println("building the PostgreSQL full-text table (" + PostgresFullText.TABLE + ", tsvector + GIN) ...");
                    long started = System.nanoTime();
                    rows = postgres.build(vocabularies.codes("licenses").stream().filter(vocabularies::isOpenLicense)
                            .collect(java.util.stream.Collectors.toSet()));
                    buildSeconds = (System.nanoTime() - started) / 1e9;
                } else {
                    out.println("no PostgreSQL baseline (--baseline none): the queries run two ways, API and raw Lucene");
                }

                QueryRun run = queries(mix, server, postgres, rows, buildSeconds, accessTimes);

                out.printf("publishing %d records one at a time until a search finds each ...%n", probes.size());
                List<Long> publishNanos = new ArrayList<>();
                int timeouts = publish(server, repository, probes, publishNanos);

                long heap = heapAfterGc();
                BenchReport report = new BenchReport(environment(database, databaseName, corporaDir, command), load, rebuild,
                        run.queries(), Stats.ofNanos(publishNanos), timeouts, run.outcomes(), heap, residentBytes());
                report.print(out);
                return report;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL full-text baseline failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            accessTimes.close();
            if (removeRecords) {
                removeRecords(dataSource, postgres, inserted);
            }
        }
    }

    // ---- 1. load ------------------------------------------------------------------------------------------

    private record Prepared(BenchReport.Load load, List<BenchQuery> mix) {
    }

    /** Reads the corpora, loads the records and makes the query mix; the corpora are let go of afterwards. */
    private Prepared prepare(Path corporaDir, ResourceRepository repository, List<UUID> inserted) {
        out.println("reading the corpora in " + corporaDir + " ...");
        Corpora corpora = Corpora.load(corporaDir, vocabularies, mapper);
        corpora.notes().forEach(n -> out.println("  " + n));
        RecordGenerator generator = new RecordGenerator(corpora, vocabularies, mapper, options.seed());
        BenchReport.Load load = load(generator, repository, corpora.size(), inserted);
        return new Prepared(load, QueryMix.build(generator, options.records(), options.queries(), options.seed()));
    }

    /**
     * Generation and validation run on a thread of their own, a few batches ahead of the inserts (on the 2-core
     * reference machine PostgreSQL takes the other core); each batch is one transaction.
     */
    private BenchReport.Load load(RecordGenerator generator, ResourceRepository repository, long corpusEntries, List<UUID> inserted) {
        ResourceValidator validator = new ResourceValidator(vocabularies);
        long total = options.records() + options.publishes();
        out.printf("loading %,d records (and %d unpublished ones for the publish test) in batches of %,d ...%n",
                options.records(), options.publishes(), BATCH);
        long[] producerNanos = new long[2];
        BlockingQueue<List<NewResource>> ready = new ArrayBlockingQueue<>(4);
        ExecutorService producer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bench-generator");
            t.setDaemon(true);
            return t;
        });
        long started = System.nanoTime();
        Future<?> production = producer.submit(() -> {
            for (long from = 0; from < total; from += BATCH) {
                long t0 = System.nanoTime();
                List<NewResource> batch = new ArrayList<>(BATCH);
                for (long i = from; i < Math.min(total, from + BATCH); i++) {
                    batch.add(i < options.records() ? generator.generate(i) : generator.probe(i, probeToken((int) (i - options.records()))));
                }
                long t1 = System.nanoTime();
                for (NewResource resource : batch) {
                    List<FieldError> errors = validator.validate(generator.json(resource));
                    if (!errors.isEmpty()) {
                        throw new IllegalStateException("the generator made an invalid record " + resource.slug() + ": " + errors);
                    }
                }
                producerNanos[0] += t1 - t0;
                producerNanos[1] += System.nanoTime() - t1;
                ready.put(batch);
            }
            return null;
        });
        long insertNanos = 0;
        long nextReport = System.nanoTime() + 10_000_000_000L;
        try {
            while (inserted.size() < total) {
                List<NewResource> batch = ready.poll(1, TimeUnit.SECONDS);
                if (batch == null) {
                    if (production.isDone()) {
                        production.get();
                        throw new IllegalStateException("the generator stopped early");
                    }
                    continue;
                }
                long t0 = System.nanoTime();
                repository.insertAll(batch);
                long t1 = System.nanoTime();
                insertNanos += t1 - t0;
                batch.forEach(r -> inserted.add(r.id()));
                if (t1 > nextReport) {
                    out.printf("  %,d records so far%n", inserted.size());
                    nextReport = t1 + 10_000_000_000L;
                }
            }
            production.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            producer.shutdownNow();
        }
        double wall = (System.nanoTime() - started) / 1e9;
        BenchReport.Load load = new BenchReport.Load(options.records(), options.publishes(), corpusEntries, total, 0,
                producerNanos[0] / 1e9, producerNanos[1] / 1e9, insertNanos / 1e9, wall, repository.lastChangeSeq());
        out.printf("  %,d records in %.1f s: %,.0f records/s (inserting alone %,.0f records/s)%n",
                total, wall, load.overallRate(), load.insertRate());
        return load;
    }

    /** A word no corpus contains: "zqprobe" and three letters. */
    static String probeToken(int k) {
        return "zqprobe" + (char) ('a' + k / 676 % 26) + (char) ('a' + k / 26 % 26) + (char) ('a' + k % 26);
    }

    // ---- 3. the query mix, three ways ---------------------------------------------------------------------

    /** The PostgreSQL way's figures when it did not run (--baseline none). */
    private static final Stats NONE = Stats.ofNanos(List.of());

    private record QueryRun(BenchReport.Queries queries, List<BenchReport.Outcome> outcomes) {
    }

    private QueryRun queries(List<BenchQuery> mix, BenchServer server, PostgresFullText postgres, long rows,
                             double buildSeconds, AccessTimes accessTimes) throws IOException, InterruptedException, SQLException {
        BenchClient client = new BenchClient(30_000);
        String base = "http://127.0.0.1:" + server.port() + "/api/v1/search?";
        int n = mix.size();
        long[] apiTotals = new long[n];
        long[] luceneTotals = new long[n];
        long[] postgresTotals = new long[n];
        boolean[] facetsAgree = new boolean[n];
        long[][] apiNanos = new long[n][options.rounds()];
        long[][] luceneNanos = new long[n][options.rounds()];
        long[][] postgresNanos = new long[n][options.rounds()];

        List<SearchResult> luceneResults = new ArrayList<>(java.util.Collections.nCopies(n, null));
        int ways = options.postgresBaseline() ? 3 : 2;
        out.printf("warm-up: one pass of the %d queries each way (%s) ...%n", n, ways == 3 ? "API, raw Lucene, PostgreSQL" : "API, raw Lucene");
        for (int way = 0; way < ways; way++) {
            for (int q = 0; q < n; q++) {
                runOne(way, mix.get(q), client, base, server, postgres);
            }
        }
        // Measured passes interleave the three ways query by query, in a rotating order, so that whatever else
        // the machine is doing at a moment weighs on all three alike.
        out.printf("measuring: %d pass(es) of the %d queries, the %d ways interleaved ...%n", options.rounds(), n, ways);
        accessTimes.clear();
        long apiBytes = 0;
        for (int round = 0; round < options.rounds(); round++) {
            for (int q = 0; q < n; q++) {
                for (int step = 0; step < ways; step++) {
                    int way = (q + round + step) % ways;
                    long t0 = System.nanoTime();
                    Object result = runOne(way, mix.get(q), client, base, server, postgres);
                    long elapsed = System.nanoTime() - t0;
                    switch (way) {
                        case 0 -> {
                            apiNanos[q][round] = elapsed;
                            apiBytes += ((String) result).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                            apiTotals[q] = mapper.readTree((String) result).path("total").asLong(-1);
                        }
                        case 1 -> {
                            luceneNanos[q][round] = elapsed;
                            luceneTotals[q] = ((SearchResult) result).total();
                            luceneResults.set(q, (SearchResult) result);
                        }
                        default -> {
                            postgresNanos[q][round] = elapsed;
                            postgresTotals[q] = ((PostgresFullText.Result) result).total();
                        }
                    }
                }
            }
        }
        Thread.sleep(200);
        List<Long> serverNanos = accessTimes.searches();
        PageRun pages = pages(mix, client, server, accessTimes);
        for (int q = 0; q < n && ways == 3; q++) {
            facetsAgree[q] = sameFacets(luceneResults.get(q), postgres.search(mix.get(q)));
        }

        List<BenchReport.Outcome> outcomes = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            outcomes.add(new BenchReport.Outcome(mix.get(q).kind(), mix.get(q).queryString(), apiTotals[q], luceneTotals[q],
                    postgresTotals[q], facetsAgree[q]));
        }
        Map<String, BenchReport.Kind> byKind = new LinkedHashMap<>();
        for (String kind : List.of("single", "multi", "phrase", "non_english", "filter_only")) {
            List<Integer> of = indexes(mix, m -> m.kind().equals(kind));
            if (!of.isEmpty()) {
                byKind.put(kind, new BenchReport.Kind(stats(apiNanos, of), stats(luceneNanos, of), ways == 3 ? stats(postgresNanos, of) : NONE,
                        median(luceneTotals, of), median(postgresTotals, of)));
            }
        }
        List<Integer> all = indexes(mix, m -> true);
        List<Integer> ranked = indexes(mix, BenchQuery::rankedMultiTerm);
        return new QueryRun(new BenchReport.Queries(n, options.rounds(), stats(apiNanos, all), Stats.ofNanos(serverNanos),
                stats(luceneNanos, all), ways == 3 ? stats(postgresNanos, all) : NONE, byKind, stats(apiNanos, ranked),
                ways == 3 ? stats(postgresNanos, ranked) : NONE, rows, buildSeconds,
                (double) apiBytes / ((long) n * options.rounds()), pages.client(), pages.server(), pages.bytes()),
                List.copyOf(outcomes));
    }

    private record PageRun(Stats client, Stats server, double bytes) {
    }

    /**
     * The web site's search page (HTML, English) for the same mix: the same search plus the page's rendering, so
     * its server-side time bounds the render time from above. After the three ways, so they are not disturbed.
     */
    private PageRun pages(List<BenchQuery> mix, BenchClient client, BenchServer server, AccessTimes accessTimes)
            throws IOException, InterruptedException {
        String base = "http://127.0.0.1:" + server.port() + AccessTimes.PAGE_PATH + "?";
        out.printf("web pages: one warm-up pass and %d measured pass(es) of the %d queries as the search page (%s) ...%n",
                options.rounds(), mix.size(), AccessTimes.PAGE_PATH);
        for (BenchQuery query : mix) {
            page(client, base + query.queryString());
        }
        accessTimes.clear();
        List<Long> nanos = new ArrayList<>();
        long bytes = 0;
        for (int round = 0; round < options.rounds(); round++) {
            for (BenchQuery query : mix) {
                long t0 = System.nanoTime();
                bytes += page(client, base + query.queryString());
                nanos.add(System.nanoTime() - t0);
            }
        }
        Thread.sleep(200);
        return new PageRun(Stats.ofNanos(nanos), Stats.ofNanos(accessTimes.pages()), (double) bytes / Math.max(1, nanos.size()));
    }

    private static long page(BenchClient client, String uri) throws IOException {
        BenchClient.Answer response = client.get(uri);
        if (response.status() != 200) {
            throw new IllegalStateException("the search page answered " + response.status() + " to " + uri);
        }
        return response.body().length;
    }

    /** One query one way: 0 the HTTP API (answers the body), 1 raw Lucene, 2 PostgreSQL. */
    private Object runOne(int way, BenchQuery query, BenchClient client, String base, BenchServer server, PostgresFullText postgres)
            throws IOException, InterruptedException, SQLException {
        return switch (way) {
            case 0 -> {
                BenchClient.Answer response = client.get(base + query.queryString());
                if (response.status() != 200) {
                    throw new IllegalStateException("API answered " + response.status() + " to " + query + ": " + response.text());
                }
                yield response.text();
            }
            case 1 -> server.index.search(query.searchRequest());
            default -> postgres.search(query);
        };
    }

    /** Lucene's facet counts and PostgreSQL's, dimension by dimension. */
    private static boolean sameFacets(SearchResult lucene, PostgresFullText.Result postgres) {
        for (Map.Entry<String, Map<String, Long>> dimension : postgres.facets().entrySet()) {
            Map<String, Long> fromLucene = new java.util.TreeMap<>();
            for (FacetCount c : lucene.facets().getOrDefault(dimension.getKey(), List.of())) {
                fromLucene.put(c.value(), c.count());
            }
            if (!fromLucene.equals(dimension.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> indexes(List<BenchQuery> mix, java.util.function.Predicate<BenchQuery> keep) {
        List<Integer> out = new ArrayList<>();
        for (int q = 0; q < mix.size(); q++) {
            if (keep.test(mix.get(q))) {
                out.add(q);
            }
        }
        return out;
    }

    private static long median(long[] totals, List<Integer> queries) {
        long[] values = queries.stream().mapToLong(q -> totals[q]).sorted().toArray();
        return values[(values.length - 1) / 2];
    }

    private static Stats stats(long[][] nanos, List<Integer> queries) {
        List<Long> samples = new ArrayList<>();
        for (int q : queries) {
            for (long sample : nanos[q]) {
                samples.add(sample);
            }
        }
        return Stats.ofNanos(samples);
    }

    // ---- 4. publish to searchable -------------------------------------------------------------------------

    private int publish(BenchServer server, ResourceRepository repository, List<UUID> probes, List<Long> samples)
            throws IOException, InterruptedException {
        BenchClient client = new BenchClient(30_000);
        String base = "http://127.0.0.1:" + server.port() + "/api/v1/search?q=";
        Random pauses = new Random(options.seed());
        int timeouts = 0;
        for (int k = 0; k < probes.size(); k++) {
            // A pause of random length first, so publishing does not fall into step with the index's poll.
            Thread.sleep(pauses.nextInt(server.pollMillis + 1));
            String search = base + probeToken(k);
            long t0 = System.nanoTime();
            repository.changeStatus(probes.get(k), Status.PUBLISHED);
            boolean found = false;
            while (!found && System.nanoTime() - t0 < PUBLISH_TIMEOUT_NANOS) {
                BenchClient.Answer response = client.get(search);
                JsonNode body = mapper.readTree(response.body());
                found = response.status() == 200 && body.path("total").asLong() >= 1;
                if (!found) {
                    Thread.sleep(2);
                }
            }
            long elapsed = System.nanoTime() - t0;
            if (found) {
                samples.add(elapsed);
            } else {
                timeouts++;
                samples.add(elapsed);
            }
        }
        return timeouts;
    }

    // ---- report and cleanup -------------------------------------------------------------------------------

    /**
     * Waits until the index's background suggester rebuild (started when the server opened the index) is done,
     * so it does not run during the measurements; returns how long it took from here.
     */
    private static double awaitSuggester() throws InterruptedException {
        long started = System.nanoTime();
        int quiet = 0;
        while (quiet < 10 && System.nanoTime() - started < 300_000_000_000L) {
            boolean busy = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().equals("clearinghouse-suggester") && t.getState() == Thread.State.RUNNABLE);
            quiet = busy ? 0 : quiet + 1;
            Thread.sleep(20);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** CPU time used so far by this process (all threads), or -1 when the JVM cannot tell. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** The process's resident set size (VmRSS in /proc/self/status), or -1 where the system does not tell. */
    static long residentBytes() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private BenchReport.Environment environment(Database database, String databaseName, Path corpora, String command) {
        String version = String.valueOf(database.dsl().fetchValue("select version()"));
        String settings = "shared_buffers " + show(database, "shared_buffers") + ", synchronous_commit " + show(database, "synchronous_commit")
                + ", fsync " + show(database, "fsync") + ", work_mem " + show(database, "work_mem");
        Runtime runtime = Runtime.getRuntime();
        String java = "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
                + ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X")).toList();
        return new BenchReport.Environment(runtime.availableProcessors(), runtime.maxMemory(), java, version, settings, databaseName,
                corpora.toString(), command, loadAverageAtStart, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String show(Database database, String setting) {
        return String.valueOf(database.dsl().fetchValue("show " + setting));
    }

    private void removeRecords(DataSource dataSource, PostgresFullText postgres, List<UUID> inserted) {
        try {
            postgres.drop();
            try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement("delete from resource where id = any(?)")) {
                for (int from = 0; from < inserted.size(); from += 10_000) {
                    delete.setArray(1, c.createArrayOf("uuid", inserted.subList(from, Math.min(inserted.size(), from + 10_000)).toArray()));
                    delete.executeUpdate();
                }
            }
            out.printf("removed the %,d bench records and the %s table from the database%n", inserted.size(), PostgresFullText.TABLE);
        } catch (SQLException e) {
            out.println("could not remove the bench records: " + e.getMessage());
        }
    }

    private static Path prepareDataDir(Path requested, Map<String, String> env) {
        try {
            if (requested == null) {
                return Files.createTempDirectory("clearinghouse-bench-").toAbsolutePath();
            }
            Path dir = requested.toAbsolutePath().normalize();
            Path own = StorageConfig.fromEnv(env).dataDir();
            if (dir.equals(own) || own.startsWith(dir) || dir.startsWith(own)) {
                throw new ConfigException("--data-dir " + dir + " overlaps the clearinghouse's data directory " + own
                        + ": give the bench a directory of its own");
            }
            if (Files.exists(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new ConfigException("--data-dir " + dir + " is not empty: the bench needs a fresh directory");
                    }
                }
            }
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the bench data directory", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the bench data directory " + dir, e);
        }
    }
}
