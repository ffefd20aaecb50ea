package org.clearinghouse.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.ResourceValidator;
import org.clearinghouse.server.catalogue.UrlKey;
import org.clearinghouse.server.persistence.NewResource;
import org.clearinghouse.server.support.TestPostgres;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The benchmark on a tiny catalogue (500 records, 20 queries): the generator makes valid records from the real
 * corpora, the three ways agree where they must, and the report has every figure. No timing is asserted.
 */
class BenchmarkTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    private static final int RECORDS = 500;

    private static final ObjectMapper MAPPER = Json.mapper();
    private static final Vocabularies VOCABULARIES = Vocabularies.load(MAPPER);
    private static Path corpora;
    private static Corpora loaded;

    @BeforeAll
    static void corpora() {
        corpora = Corpora.locate();
        Assumptions.assumeTrue(Files.isDirectory(corpora.resolve("mooc-catalogs")),
                "the benchmark corpora (shared/data beside the project) are not on this machine: " + corpora);
        loaded = Corpora.load(corpora, VOCABULARIES, MAPPER);
    }

    @Test
    void theGeneratorMakesValidDistinctRecordsOfEveryType() {
        RecordGenerator generator = new RecordGenerator(loaded, VOCABULARIES, MAPPER, 7);
        ResourceValidator validator = new ResourceValidator(VOCABULARIES);
        Set<Object> ids = new HashSet<>();
        Set<String> slugs = new HashSet<>();
        Set<String> urls = new HashSet<>();
        Set<String> types = new HashSet<>();
        Set<String> languages = new HashSet<>();
        for (int i = 0; i < RECORDS; i++) {
            NewResource r = generator.generate(i);
            List<FieldError> errors = validator.validate(generator.json(r));
            assertTrue(errors.isEmpty(), () -> "record " + r.slug() + " is not valid: " + errors);
            assertTrue(ids.add(r.id()), "repeated id " + r.id());
            assertTrue(slugs.add(r.slug()), "repeated slug " + r.slug());
            assertTrue(urls.add(UrlKey.of(r.content().url())), "repeated URL " + r.content().url());
            assertEquals(VOCABULARIES.regionsOf(r.content().jurisdictions()), r.regions());
            types.add(r.content().type());
            languages.add(r.content().originalLanguage());
            languages.addAll(r.content().translations().keySet());
        }
        assertEquals(Set.copyOf(ResourceValidator.TYPES), types);
        assertTrue(languages.size() >= 4, "records in several languages, got " + languages);
        // Deterministic: the same seed and index give the same record.
        assertEquals(generator.generate(123), generator.generate(123));
        assertEquals(new RecordGenerator(loaded, VOCABULARIES, MAPPER, 7).generate(42),
                generator.generate(42));
    }

    @Test
    void theThreeWaysAgreeAndTheReportHasEveryFigure() throws Exception {
        POSTGRES.truncate();
        Path work = Files.createTempDirectory(Path.of("target"), "bench-");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BenchReport report;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            BenchOptions options = new BenchOptions(RECORDS, 20, 1, 5, work, false, BenchOptions.DEFAULT_SEED, corpora);
            report = Benchmark.run(options, POSTGRES.database(), POSTGRES::openAnother, work, true, out);
        } finally {
            Benchmark.deleteRecursively(work);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.println(text);

        assertEquals(List.of(), report.missingFigures(), text);
        assertEquals(RECORDS, report.load().records());
        assertEquals(RECORDS + 5, report.load().validated());
        assertEquals(0, report.load().invalid());
        assertEquals(RECORDS + 5, report.load().lastChangeSequence(), "every inserted record took a change sequence");
        assertEquals(RECORDS, report.rebuild().documents(), "the index holds the published records, not the pending probes");
        assertEquals(20, report.queries().mix());
        int measured = report.queries().mix() * report.queries().rounds();
        assertEquals(measured, report.queries().page().count(), "every query of the mix was also fetched as a web page");
        assertEquals(measured, report.queries().pageServer().count(), "and each page's server time was read from the access log");
        assertTrue(report.queries().pageBytes() > 1000, "the pages are real HTML");
        assertEquals(5, report.publish().count());
        assertEquals(0, report.publishTimeouts(), text);

        List<BenchReport.Outcome> filterOnly = report.outcomes().stream().filter(BenchReport.Outcome::filterOnly).toList();
        assertFalse(filterOnly.isEmpty(), "the mix has filter-only queries");
        for (BenchReport.Outcome o : filterOnly) {
            assertTrue(o.luceneTotal() > 0, "a filter-only query drawn from a real record finds it: " + o);
            assertEquals(o.luceneTotal(), o.apiTotal(), "API and Lucene: " + o);
            assertEquals(o.luceneTotal(), o.postgresTotal(), "Lucene and PostgreSQL: " + o);
            assertTrue(o.facetsAgree(), "Lucene and PostgreSQL count the same facets: " + o);
        }
        for (BenchReport.Outcome o : report.outcomes()) {
            assertEquals(o.luceneTotal(), o.apiTotal(), "the API answers what the index finds: " + o);
        }
        assertTrue(report.outcomes().stream().anyMatch(o -> !o.filterOnly() && o.luceneTotal() > 0), "text queries find records");
        assertTrue(report.outcomes().stream().anyMatch(o -> o.kind().equals("non_english")), "the mix has non-English queries");
        for (String figure : List.of("(a) API", "web page", "(b) Lucene", "(c) PostgreSQL", "ratio a/b", "ratio c/a", "publish", "rebuild")) {
            assertTrue(text.contains(figure), "the printed report shows " + figure + ":\n" + text);
        }

        // It cleans up after itself on a database it was given.
        assertEquals(0, POSTGRES.database().dsl().fetchCount(org.clearinghouse.server.persistence.jooq.Tables.RESOURCE));
        assertEquals(0, POSTGRES.database().dsl().fetchCount(
                org.jooq.impl.DSL.table("information_schema.tables"),
                org.jooq.impl.DSL.field("table_name").eq(PostgresFullText.TABLE)));
    }

    @Test
    void withoutTheBaselineItRunsTwoWaysAndStillReportsHeapAndResidentMemory() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "bench-");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BenchReport report;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            BenchOptions options = BenchOptions.parse("--records", "300", "--queries", "20", "--rounds", "1", "--publish", "3",
                    "--baseline", "none", "--corpora", corpora.toString());
            report = Benchmark.run(options, POSTGRES.database(), POSTGRES::openAnother, work, true, out);
        } finally {
            Benchmark.deleteRecursively(work);
        }
        String text = printed.toString(StandardCharsets.UTF_8);

        assertEquals(List.of(), report.missingFigures(), text);
        assertFalse(report.queries().withPostgres());
        assertEquals(0, report.queries().postgres().count(), "the PostgreSQL way did not run");
        assertEquals(20, report.queries().api().count());
        assertEquals(20, report.queries().lucene().count());
        assertEquals(3, report.publish().count());
        assertTrue(report.heapUsedAfterGcBytes() > 0);
        assertTrue(report.residentBytes() > report.heapUsedAfterGcBytes(), "the process holds at least its live heap");
        for (String figure : List.of("pg fts      not built (--baseline none)", "(c) PostgreSQL  not run (--baseline none)",
                "used after a full GC", "rss ")) {
            assertTrue(text.contains(figure), "the printed report shows " + figure + ":\n" + text);
        }
        assertFalse(text.contains("ratio c/a"), text);
        assertEquals(0, POSTGRES.database().dsl().fetchCount(
                org.jooq.impl.DSL.table("information_schema.tables"),
                org.jooq.impl.DSL.field("table_name").eq(PostgresFullText.TABLE)), "no baseline table was built");
        assertEquals(0, POSTGRES.database().dsl().fetchCount(org.clearinghouse.server.persistence.jooq.Tables.RESOURCE));
    }

    @Test
    void theQueryMixIsFixedByTheSeed() {
        RecordGenerator generator = new RecordGenerator(loaded, VOCABULARIES, MAPPER, 1);
        List<BenchQuery> mix = QueryMix.build(generator, 1000, 200, 99);
        assertEquals(mix, QueryMix.build(generator, 1000, 200, 99));
        assertEquals(200, mix.size());
        for (String kind : List.of("single", "multi", "phrase", "non_english", "filter_only")) {
            assertTrue(mix.stream().anyMatch(q -> q.kind().equals(kind)), kind);
        }
        assertTrue(mix.stream().anyMatch(q -> q.filterCount() == 0) && mix.stream().anyMatch(q -> q.filterCount() == 3));
        assertTrue(mix.stream().filter(q -> q.kind().equals("phrase")).allMatch(q -> q.q().startsWith("\"")));
    }

    @Test
    void optionsParseAndRefuseNonsense() {
        BenchOptions o = BenchOptions.parse("--records", "2000", "--queries=50", "--data-dir", "/tmp/x", "--keep");
        assertEquals(2000, o.records());
        assertEquals(50, o.queries());
        assertEquals(Path.of("/tmp/x"), o.dataDir());
        assertTrue(o.keep());
        assertEquals(BenchOptions.DEFAULT_RECORDS, BenchOptions.parse().records());
        assertEquals(200, BenchOptions.parse().queries());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--records", "0"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--records"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--frobnicate", "1"));
        assertTrue(BenchOptions.parse().postgresBaseline(), "the three-way comparison is the default");
        assertTrue(BenchOptions.parse("--baseline", "postgres").postgresBaseline());
        assertFalse(BenchOptions.parse("--baseline=none", "--records", "1000000").postgresBaseline());
        assertEquals(1_000_000, BenchOptions.parse("--baseline=none", "--records", "1000000").records());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--baseline", "mysql"));
    }
}
