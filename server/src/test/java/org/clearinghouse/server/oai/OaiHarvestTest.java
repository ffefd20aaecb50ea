package org.clearinghouse.server.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gdcc.xoai.model.oaipmh.DeletedRecord;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.results.MetadataFormat;
import io.gdcc.xoai.model.oaipmh.results.Record;
import io.gdcc.xoai.model.oaipmh.results.record.Header;
import io.gdcc.xoai.model.oaipmh.verbs.Identify;
import io.gdcc.xoai.model.xoai.Element;
import io.gdcc.xoai.serviceprovider.ServiceProvider;
import io.gdcc.xoai.serviceprovider.client.OAIClient;
import io.gdcc.xoai.serviceprovider.exceptions.OAIRequestException;
import io.gdcc.xoai.serviceprovider.model.Context;
import io.gdcc.xoai.serviceprovider.parameters.GetRecordParameters;
import io.gdcc.xoai.serviceprovider.parameters.ListIdentifiersParameters;
import io.gdcc.xoai.serviceprovider.parameters.ListRecordsParameters;
import io.gdcc.xoai.serviceprovider.parameters.Parameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.persistence.ResourceRepository.HarvestFilter;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Harvests the clearinghouse as another repository would: with XOAI's service provider (io.gdcc, the
 * harvester Dataverse uses), an OAI-PMH client written independently of this provider, over real HTTP, against
 * the application with its seed catalogue on PostgreSQL. Every response it receives is also schema-validated.
 * The tests run in order because they change the catalogue: full harvest, then a withdrawal, then a
 * from-harvest of later changes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OaiHarvestTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    private static final UUID BEIJING = UUID.fromString("5e2374e0-169a-40cf-8580-dd3187146ca4");
    /** The public URL the application is configured with; the harvester itself talks to localhost. */
    private static final String SITE = "https://clearinghouse.example.org";

    private static Application app;
    private static ResourceRepository repository;
    private static String baseUrl;
    private static final List<Parameters> REQUESTS = new ArrayList<>();
    private static ServiceProvider harvester;

    @BeforeAll
    static void start() throws Exception {
        app = POSTGRES.startApplication("CLEARINGHOUSE_PUBLIC_URL", SITE);
        repository = new ResourceRepository(POSTGRES.database().dsl(), Json.mapper());
        baseUrl = "http://localhost:" + app.port() + "/oai";
        OAIClient http = OAIClient.newBuilder().withBaseUrl(baseUrl).withUserAgent("clearinghouse-oai-test")
                .withRequestTimeout(Duration.ofSeconds(30)).build();
        OAIClient recording = new OAIClient() {
            @Override
            public InputStream execute(Parameters parameters) throws OAIRequestException {
                REQUESTS.add(parameters);
                try (InputStream in = http.execute(parameters)) {
                    byte[] body = in.readAllBytes();
                    OaiSchemas.validate(body);
                    return new ByteArrayInputStream(body);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        harvester = new ServiceProvider(new Context()
                .withBaseUrl(baseUrl)
                .withGranularity(Granularity.Second)
                .withOAIClient(recording)
                .withMetadataTransformer("oai_dc", Context.KnownTransformer.OAI_DC));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String oaiId(UUID id) {
        return "oai:clearinghouse.example.org:" + id;
    }

    private static <T> List<T> all(Iterator<T> iterator) {
        List<T> out = new ArrayList<>();
        iterator.forEachRemaining(out::add);
        return out;
    }

    private static Set<String> publishedIdentifiers() {
        return repository.harvestPage(new HarvestFilter(List.of(Status.PUBLISHED), null, null, null, null, false), null, null,
                100_000).stream().map(r -> oaiId(r.id())).collect(Collectors.toSet());
    }

    /** The Dublin Core values of a harvested record, as XOAI parsed them: element name to values. */
    private static Map<String, List<String>> dublinCore(Record record) {
        Map<String, List<String>> values = new HashMap<>();
        Element dc = record.getMetadata().getXoaiMetadata().getElements().get(0);
        for (Element element : dc.getElements()) {
            element.getFields().stream().filter(f -> "value".equals(f.getName())).forEach(f ->
                    values.computeIfAbsent(element.getName(), k -> new ArrayList<>()).add(f.getValue()));
        }
        return values;
    }

    /**
     * A text value as XOAI's model holds it: its field parser keeps only the first text event of an element, and
     * Woodstox ends a text event at each entity reference, so values stop at the first escaped character. The
     * XML on the wire is complete (OaiProviderTest checks every element exactly); the limitation is the client's.
     */
    private static String asXoaiReadsIt(String text) {
        int cut = text.length();
        for (char c : new char[] {'&', '<', '>'}) {
            int at = text.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return text.substring(0, cut);
    }

    @Test
    @Order(1)
    void theHarvesterUnderstandsIdentifyAndTheFormats() throws Exception {
        Identify identify = harvester.identify();
        assertEquals("AI for Education Clearinghouse", identify.getRepositoryName());
        assertEquals(SITE + "/oai", identify.getBaseURL());
        assertEquals("2.0", identify.getProtocolVersion());
        assertEquals(DeletedRecord.PERSISTENT, identify.getDeletedRecord());
        assertEquals(Granularity.Second, identify.getGranularity());
        assertEquals(repository.earliestUpdatedAt(List.of(Status.PUBLISHED, Status.WITHDRAWN)).orElseThrow()
                .truncatedTo(ChronoUnit.SECONDS), identify.getEarliestDatestamp());
        List<MetadataFormat> formats = all(harvester.listMetadataFormats());
        assertEquals(List.of("oai_dc"), formats.stream().map(MetadataFormat::getMetadataPrefix).toList());
        Set<String> sets = all(harvester.listSets()).stream().map(io.gdcc.xoai.model.oaipmh.results.Set::getSpec)
                .collect(Collectors.toSet());
        assertTrue(sets.containsAll(Set.of("type", "type:policy", "country", "country:KE", "country:UNESCO")), sets.toString());
    }

    @Test
    @Order(2)
    void aFullHarvestCollectsEveryPublishedRecordExactlyOnce() throws Exception {
        Set<String> published = publishedIdentifiers();
        assertTrue(published.size() >= 290, "the seed catalogue is loaded: " + published.size());

        REQUESTS.clear();
        List<Record> records = all(harvester.listRecords(ListRecordsParameters.request().withMetadataPrefix("oai_dc")));
        List<String> identifiers = records.stream().map(r -> r.getHeader().getIdentifier()).toList();
        assertEquals(identifiers.size(), new HashSet<>(identifiers).size(), "no record twice");
        assertEquals(published, new HashSet<>(identifiers));
        assertTrue(records.stream().noneMatch(r -> r.getHeader().isDeleted()));
        // It took resumption tokens: one request per hundred records, each after the first resuming the list.
        assertEquals((published.size() + 99) / 100, REQUESTS.size());
        assertNull(REQUESTS.get(0).getResumptionToken());
        REQUESTS.subList(1, REQUESTS.size()).forEach(p -> assertTrue(p.getResumptionToken() != null && !p.getResumptionToken().isEmpty()));

        // What the harvester parsed is the catalogue's content.
        Record beijing = records.stream().filter(r -> r.getHeader().getIdentifier().equals(oaiId(BEIJING))).findFirst().orElseThrow();
        Map<String, List<String>> dc = dublinCore(beijing);
        assertEquals("Beijing Consensus on Artificial Intelligence and Education", dc.get("title").get(0));
        assertTrue(dc.get("title").contains("北京共识——人工智能与教育"), dc.get("title").toString());
        assertEquals(List.of("UNESCO"), dc.get("publisher"));
        assertTrue(dc.get("identifier").contains(SITE + "/api/v1/resources/" + BEIJING));
        assertTrue(beijing.getHeader().getSetSpecs().containsAll(List.of("type:policy", "country:UNESCO")));
        for (Record record : records) {
            Resource resource = repository.findById(UUID.fromString(record.getHeader().getIdentifier().substring(oaiId(BEIJING).length() - 36)))
                    .orElseThrow();
            assertEquals(asXoaiReadsIt(resource.content().title()), dublinCore(record).get("title").get(0));
            assertEquals(resource.updatedAt().truncatedTo(ChronoUnit.SECONDS), record.getHeader().getDatestamp());
        }

        // ListIdentifiers walks the same list.
        List<Header> headers = all(harvester.listIdentifiers(ListIdentifiersParameters.request().withMetadataPrefix("oai_dc")));
        assertEquals(published, headers.stream().map(Header::getIdentifier).collect(Collectors.toSet()));
        assertEquals(published.size(), headers.size());

        // And a set harvest takes exactly that set.
        List<Header> policies = all(harvester.listIdentifiers(ListIdentifiersParameters.request().withMetadataPrefix("oai_dc")
                .withSetSpec("type:policy")));
        assertEquals(repository.harvestPage(new HarvestFilter(List.of(Status.PUBLISHED), null, null, "policy", null, false),
                null, null, 1000).size(), policies.size());
        policies.forEach(h -> assertTrue(h.getSetSpecs().contains("type:policy")));
    }

    @Test
    @Order(3)
    void aWithdrawnRecordReachesTheHarvesterAsDeleted() throws Exception {
        repository.changeStatus(BEIJING, Status.WITHDRAWN);

        Record record = harvester.getRecord(GetRecordParameters.request().withIdentifier(oaiId(BEIJING))
                .withMetadataFormatPrefix("oai_dc"));
        assertTrue(record.getHeader().isDeleted());
        assertNull(record.getMetadata());

        List<Header> headers = all(harvester.listIdentifiers(ListIdentifiersParameters.request().withMetadataPrefix("oai_dc")));
        List<Header> deleted = headers.stream().filter(Header::isDeleted).toList();
        assertEquals(List.of(oaiId(BEIJING)), deleted.stream().map(Header::getIdentifier).toList());
        assertEquals(publishedIdentifiers().size() + 1, headers.size());
        List<Record> records = all(harvester.listRecords(ListRecordsParameters.request().withMetadataPrefix("oai_dc")
                .withSetSpec("country:UNESCO")));
        Record gone = records.stream().filter(r -> r.getHeader().getIdentifier().equals(oaiId(BEIJING))).findFirst().orElseThrow();
        assertTrue(gone.getHeader().isDeleted());
        assertNull(gone.getMetadata());
    }

    @Test
    @Order(4)
    void aFromHarvestReturnsOnlyTheRecordsChangedSince() throws Exception {
        // Start on a fresh second, so "from" (second granularity) separates everything before from everything after.
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), from).toMillis()) + 20);

        List<Resource> published = repository.harvestPage(new HarvestFilter(List.of(Status.PUBLISHED), null, null, "course", null,
                false), null, null, 10);
        UUID edited = published.get(0).id();
        UUID withdrawn = published.get(1).id();
        repository.changeStatus(edited, Status.PUBLISHED);
        repository.changeStatus(withdrawn, Status.WITHDRAWN);
        repository.changeStatus(BEIJING, Status.PUBLISHED);

        List<Record> records = all(harvester.listRecords(ListRecordsParameters.request().withMetadataPrefix("oai_dc")
                .withFrom(from)));
        Map<String, Boolean> changed = records.stream().collect(Collectors.toMap(r -> r.getHeader().getIdentifier(),
                r -> r.getHeader().isDeleted()));
        assertEquals(Map.of(oaiId(edited), false, oaiId(withdrawn), true, oaiId(BEIJING), false), changed);
        records.forEach(r -> assertTrue(!r.getHeader().getDatestamp().isBefore(from), r.getHeader().getDatestamp().toString()));

        // An until bound before the changes leaves them out; the same window by set keeps only its members.
        List<Header> before = all(harvester.listIdentifiers(ListIdentifiersParameters.request().withMetadataPrefix("oai_dc")
                .withUntil(from.minusSeconds(1))));
        Set<String> beforeIds = before.stream().map(Header::getIdentifier).collect(Collectors.toSet());
        assertTrue(beforeIds.stream().noneMatch(changed::containsKey), "records changed later carry later datestamps");
        int exposed = repository.countByStatus(Status.PUBLISHED) + repository.countByStatus(Status.WITHDRAWN);
        assertEquals(exposed - changed.size(), before.size());
        List<Header> policies = all(harvester.listIdentifiers(ListIdentifiersParameters.request().withMetadataPrefix("oai_dc")
                .withFrom(from).withSetSpec("type:policy")));
        assertEquals(List.of(oaiId(BEIJING)), policies.stream().map(Header::getIdentifier).toList());
    }
}
