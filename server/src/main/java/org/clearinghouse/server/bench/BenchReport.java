package org.clearinghouse.server.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every figure of one bench run, and how it prints. */
public record BenchReport(
        Environment environment,
        Load load,
        Rebuild rebuild,
        Queries queries,
        Stats publish,
        int publishTimeouts,
        List<Outcome> outcomes,
        long heapUsedAfterGcBytes,
        long residentBytes) {

    /** The machine and the software the figures come from. */
    public record Environment(int processors, long maxHeapBytes, String java, String postgres, String postgresSettings,
                              String database, String corpora, String command, double loadAverageAtStart, double loadAverageAtEnd) {
    }

    /**
     * The load: records generated from the corpora, checked by {@code ResourceValidator}, inserted in batches of
     * one transaction each through {@code ResourceRepository.insertAll}; {@code lastChangeSequence} is the
     * change counter afterwards (it grew by one per record).
     */
    public record Load(long records, long probes, long corpusEntries, long validated, long invalid, double generateSeconds,
                       double validateSeconds, double insertSeconds, double wallSeconds, long lastChangeSequence) {
        /** Records per second of the database inserts alone. */
        public double insertRate() {
            return (records + probes) / insertSeconds;
        }

        /** Records per second from the first generated record to the last commit. */
        public double overallRate() {
            return (records + probes) / wallSeconds;
        }
    }

    /** The full rebuild of the index from the database at the server's first start. */
    public record Rebuild(long documents, double seconds, double cpuSeconds, double readSeconds, double suggesterSeconds) {
        public double documentsPerSecond() {
            return documents / seconds;
        }
    }

    /** The query mix run three ways; {@code byKind} holds each way's latencies per kind of query. */
    public record Queries(int mix, int rounds, Stats api, Stats apiServer, Stats lucene, Stats postgres, Map<String, Kind> byKind,
                          Stats apiRankedMultiTerm, Stats postgresRankedMultiTerm, long postgresRows, double postgresBuildSeconds,
                          double apiResponseBytes, Stats page, Stats pageServer, double pageBytes) {
        public double apiOverLuceneP50() {
            return api.p50() / lucene.p50();
        }

        public double apiOverLuceneP99() {
            return api.p99() / lucene.p99();
        }

        /** False when the PostgreSQL way did not run ({@code --baseline none}). */
        public boolean withPostgres() {
            return postgres.count() > 0;
        }

        public double postgresOverApiP50() {
            return postgres.p50() / api.p50();
        }

        public double postgresOverApiP50RankedMultiTerm() {
            return postgresRankedMultiTerm.p50() / apiRankedMultiTerm.p50();
        }
    }

    /** One kind of query: each way's latencies, and the median number of records Lucene and PostgreSQL found. */
    public record Kind(Stats api, Stats lucene, Stats postgres, long luceneMedianTotal, long postgresMedianTotal) {
    }

    /** What each way found for one query of the mix (the last measured pass). */
    public record Outcome(String kind, String query, long apiTotal, long luceneTotal, long postgresTotal, boolean facetsAgree) {
        public boolean filterOnly() {
            return kind.equals("filter_only");
        }
    }

    /** Names of figures that are missing (not a positive, finite number); empty for a complete report. */
    public List<String> missingFigures() {
        List<String> missing = new ArrayList<>();
        check(missing, "records", load.records());
        check(missing, "load.insertRate", load.insertRate());
        check(missing, "load.overallRate", load.overallRate());
        check(missing, "rebuild.documents", rebuild.documents());
        check(missing, "rebuild.seconds", rebuild.seconds());
        check(missing, "rebuild.documentsPerSecond", rebuild.documentsPerSecond());
        List<String> ways = queries.withPostgres() ? List.of("api", "lucene", "postgres", "publish") : List.of("api", "lucene", "publish");
        for (String way : ways) {
            String[] name = {way};
            Stats s = switch (name[0]) {
                case "api" -> queries.api();
                case "lucene" -> queries.lucene();
                case "postgres" -> queries.postgres();
                default -> publish;
            };
            check(missing, name[0] + ".p50", s.p50());
            check(missing, name[0] + ".p99", s.p99());
        }
        check(missing, "ratio.apiOverLuceneP50", queries.apiOverLuceneP50());
        check(missing, "ratio.apiOverLuceneP99", queries.apiOverLuceneP99());
        if (queries.withPostgres()) {
            check(missing, "ratio.postgresOverApiP50", queries.postgresOverApiP50());
            check(missing, "ratio.postgresOverApiP50RankedMultiTerm", queries.postgresOverApiP50RankedMultiTerm());
        }
        check(missing, "heapUsedAfterGc", heapUsedAfterGcBytes);
        return missing;
    }

    private static void check(List<String> missing, String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            missing.add(name);
        }
    }

    public void print(PrintStream out) {
        Environment e = environment;
        out.println();
        out.println("== clearinghouse bench ==");
        out.printf("machine     %d cores, max heap %d MiB, %s%n", e.processors(), e.maxHeapBytes() >> 20, e.java());
        out.printf("database    %s: %s%n", e.database(), e.postgres());
        out.printf("            %s%n", e.postgresSettings());
        out.printf("corpora     %s%n", e.corpora());
        out.printf("command     %s%n", e.command());
        out.printf("load avg    %.2f at the start, %.2f at the end (1-minute system load average: other processes share the cores)%n",
                e.loadAverageAtStart(), e.loadAverageAtEnd());
        out.println();
        out.printf("load        %,d records (+%d unpublished probes) from %,d corpus entries; %,d validated, %d invalid%n",
                load.records(), load.probes(), load.corpusEntries(), load.validated(), load.invalid());
        out.printf("            %.1f s in all = %,.0f records/s (generate %.1f s and validate %.1f s on one thread, ahead of the inserts)%n",
                load.wallSeconds(), load.overallRate(), load.generateSeconds(), load.validateSeconds());
        out.printf("            inserts alone %.1f s = %,.0f records/s (batches of 1,000, one transaction each, multi-row INSERT)%n",
                load.insertSeconds(), load.insertRate());
        out.printf("            change sequence after the load: %,d%n", load.lastChangeSequence());
        out.printf("rebuild     %,d documents in %.1f s = %,.0f documents/s (IndexSync at first start, from the database);%n"
                + "            %.1f s of CPU in this process; reading and mapping the records alone (no indexing) takes %.1f s;%n"
                + "            then the server's suggester (autocomplete) rebuild took %.1f s more in the background%n",
                rebuild.documents(), rebuild.seconds(), rebuild.documentsPerSecond(), rebuild.cpuSeconds(), rebuild.readSeconds(),
                rebuild.suggesterSeconds());
        if (queries.withPostgres()) {
            out.printf("pg fts      %,d rows in %s, tsvector + GIN index built in %.1f s%n", queries.postgresRows(),
                    PostgresFullText.TABLE, queries.postgresBuildSeconds());
        } else {
            out.println("pg fts      not built (--baseline none)");
        }
        out.println();
        out.printf("queries     %d in the mix, %d measured pass(es) each after one warm-up pass, sequential, limit 20, all facets%n",
                queries.mix(), queries.rounds());
        out.printf("(a) API         %s%n", queries.api().format());
        out.printf("    server side %s   (the server's access log: handling only)%n", queries.apiServer().format());
        out.printf("    answers of %,.0f bytes on average (JSON: 20 results with highlights, 9 facet dimensions)%n",
                queries.apiResponseBytes());
        out.printf("web page    %s   (the HTML search page /en/search, same mix)%n", queries.page().format());
        out.printf("    server side %s   (search + render; target p50 <= 10 ms)%n", queries.pageServer().format());
        out.printf("    pages of %,.0f bytes on average (uncompressed HTML)%n", queries.pageBytes());
        out.printf("(b) Lucene      %s%n", queries.lucene().format());
        out.printf("(c) PostgreSQL  %s%n", queries.withPostgres() ? queries.postgres().format() : "not run (--baseline none)");
        out.println("by kind of query          p50 (ms):  API   Lucene  PostgreSQL   p99 (ms):  API   Lucene  PostgreSQL"
                + "   median found: Lucene  PostgreSQL");
        queries.byKind().forEach((kind, k) -> out.printf("    %-12s (n=%4d)  %10.2f %8.2f %10.2f   %12.2f %8.2f %10.2f   %15d %11d%n",
                kind, k.api().count(), k.api().p50(), k.lucene().p50(), k.postgres().p50(), k.api().p99(), k.lucene().p99(),
                k.postgres().p99(), k.luceneMedianTotal(), k.postgresMedianTotal()));
        out.printf("ratio a/b   p50 %.2f   p99 %.2f   (API over raw Lucene)%n", queries.apiOverLuceneP50(), queries.apiOverLuceneP99());
        if (queries.withPostgres()) {
            out.printf("ratio c/a   p50 %.2f   all queries; %.2f ranked multi-term queries (API p50 %.2f ms, PostgreSQL p50 %.2f ms)%n",
                    queries.postgresOverApiP50(), queries.postgresOverApiP50RankedMultiTerm(), queries.apiRankedMultiTerm().p50(),
                    queries.postgresRankedMultiTerm().p50());
        }
        out.printf("publish     to searchable: %s%s%n", publish.format(),
                publishTimeouts == 0 ? "" : ", " + publishTimeouts + " not found within 10 s");
        long filterOnly = outcomes.stream().filter(Outcome::filterOnly).count();
        long same = outcomes.stream().filter(Outcome::filterOnly)
                .filter(o -> o.apiTotal() == o.luceneTotal() && o.luceneTotal() == o.postgresTotal()).count();
        long facets = outcomes.stream().filter(Outcome::filterOnly).filter(Outcome::facetsAgree).count();
        long apiLucene = outcomes.stream().filter(o -> o.apiTotal() == o.luceneTotal()).count();
        if (queries.withPostgres()) {
            out.printf("agreement   filter-only queries: %d/%d same total all three ways, %d/%d same facet counts Lucene vs PostgreSQL;%n",
                    same, filterOnly, facets, filterOnly);
        } else {
            out.printf("agreement   (no PostgreSQL baseline)%n");
        }
        out.printf("            all queries: %d/%d same total API vs Lucene; text queries found something: Lucene %d, PostgreSQL %d%n",
                apiLucene, outcomes.size(), outcomes.stream().filter(o -> !o.filterOnly() && o.luceneTotal() > 0).count(),
                outcomes.stream().filter(o -> !o.filterOnly() && o.postgresTotal() > 0).count());
        out.printf("heap        %d MiB used after a full GC at the end (server and bench in one JVM)%n", heapUsedAfterGcBytes >> 20);
        out.printf("rss         %s resident (the whole process: heap, memory-mapped index pages, native memory)%n",
                residentBytes < 0 ? "unknown" : String.format("%,d MiB", residentBytes >> 20));
    }
}
