package org.clearinghouse.server.oai;

import org.clearinghouse.server.config.OaiConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.persistence.ResourceRepository.HarvestFilter;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * The OAI-PMH 2.0 data provider: the six verbs over the catalogue, in oai_dc. Exposes published records, and
 * withdrawn ones as deleted (deletedRecord=persistent); pending, rejected and changes-requested records are
 * never seen. Datestamps are the records' last-change times. Knows nothing of HTTP: arguments in, XML bytes out.
 */
public final class OaiService {
    static final String OAI_DC = "oai_dc";
    static final String GRANULARITY = "YYYY-MM-DDThh:mm:ssZ";
    private static final List<String> EXPOSED = List.of(Status.PUBLISHED, Status.WITHDRAWN);
    private static final Pattern ITEM_IDENTIFIER = Pattern.compile(
            "oai:(.+):([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    /** The record whose identifier Identify shows as the sample: the Beijing Consensus itself. */
    private static final UUID SAMPLE_ID = UUID.fromString("5e2374e0-169a-40cf-8580-dd3187146ca4");

    private final ResourceRepository repository;
    private final OaiConfig config;
    private final OaiEndpoint endpoint;
    private final Clock clock;
    private final OaiSets sets;
    private final DublinCore dublinCore;

    public OaiService(ResourceRepository repository, Vocabularies vocabularies, ObjectMapper mapper, OaiConfig config) {
        this(repository, vocabularies, mapper, config, Clock.systemUTC());
    }

    public OaiService(ResourceRepository repository, Vocabularies vocabularies, ObjectMapper mapper, OaiConfig config,
                      Clock clock) {
        this.repository = repository;
        this.config = config;
        this.endpoint = OaiEndpoint.of(config);
        this.clock = clock;
        this.sets = new OaiSets(vocabularies, mapper);
        this.dublinCore = new DublinCore(vocabularies, mapper);
    }

    /** Where harvesters reach this provider, and how it names items. */
    public OaiEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Answers one request, given its arguments as they came (a name may repeat). Always a complete OAI-PMH
     * document: protocol errors are {@code <error>} elements, as section 3.6 asks.
     */
    public byte[] respond(Map<String, List<String>> arguments) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        OaiRequest request = null;
        try {
            request = OaiRequest.parse(arguments);
            Body body = switch (request.verb()) {
                case OaiRequest.IDENTIFY -> identify(now);
                case OaiRequest.LIST_METADATA_FORMATS -> listMetadataFormats(request);
                case OaiRequest.LIST_SETS -> listSets(request);
                case OaiRequest.GET_RECORD -> getRecord(request);
                case OaiRequest.LIST_IDENTIFIERS, OaiRequest.LIST_RECORDS -> list(request, now);
                default -> throw new IllegalStateException("unhandled verb " + request.verb());
            };
            return document(now, request, xml -> body.write(xml));
        } catch (OaiException e) {
            OaiRequest echoed = e.echoesArguments() ? request : null;
            return document(now, echoed, xml -> e.errors().forEach(error ->
                    xml.start("error").attribute("code", error.code().xml()).text(error.message()).end()));
        }
    }

    /** The part of a response after {@code <request>}: computed first, written once nothing can fail any more. */
    @FunctionalInterface
    private interface Body {
        void write(OaiXml xml);
    }

    private byte[] document(Instant now, OaiRequest request, Body body) {
        OaiXml xml = new OaiXml().root();
        xml.element("responseDate", OaiDates.format(now));
        xml.start("request");
        if (request != null) {
            xml.attribute("verb", request.verb());
            for (String name : OaiRequest.ARGUMENT_ORDER) {
                request.argument(name).ifPresent(value -> xml.attribute(name, value));
            }
        }
        xml.text(endpoint.baseUrl()).end();
        body.write(xml);
        return xml.end().finish();
    }

    // ---- Identify ----

    private Body identify(Instant now) {
        Instant earliest = repository.earliestUpdatedAt(EXPOSED).orElse(now);
        return xml -> {
            xml.start("Identify")
                    .element("repositoryName", config.repositoryName())
                    .element("baseURL", endpoint.baseUrl())
                    .element("protocolVersion", "2.0");
            config.adminEmails().forEach(email -> xml.element("adminEmail", email));
            xml.element("earliestDatestamp", OaiDates.format(earliest))
                    .element("deletedRecord", "persistent")
                    .element("granularity", GRANULARITY);
            if (OaiConfig.DOMAIN_NAME.matcher(endpoint.repositoryId()).matches()) {
                xml.start("description")
                        .startForeign("", "oai-identifier", OaiXml.OAI_IDENTIFIER_NS, OaiXml.OAI_IDENTIFIER_SCHEMA)
                        .plain("scheme", OaiXml.OAI_IDENTIFIER_NS, "oai")
                        .plain("repositoryIdentifier", OaiXml.OAI_IDENTIFIER_NS, endpoint.repositoryId())
                        .plain("delimiter", OaiXml.OAI_IDENTIFIER_NS, ":")
                        .plain("sampleIdentifier", OaiXml.OAI_IDENTIFIER_NS, endpoint.identifierOf(SAMPLE_ID))
                        .end()
                        .end();
            }
            xml.end();
        };
    }

    // ---- ListMetadataFormats ----

    private Body listMetadataFormats(OaiRequest request) {
        Optional<String> identifier = request.argument(OaiRequest.IDENTIFIER);
        identifier.ifPresent(this::item);
        // Every item, deleted ones included, is available as oai_dc: noMetadataFormats cannot arise.
        return xml -> xml.start("ListMetadataFormats")
                .start("metadataFormat")
                .element("metadataPrefix", OAI_DC)
                .element("schema", OaiXml.OAI_DC_SCHEMA)
                .element("metadataNamespace", OaiXml.OAI_DC_NS)
                .end()
                .end();
    }

    // ---- ListSets ----

    private Body listSets(OaiRequest request) {
        if (request.argument(OaiRequest.RESUMPTION_TOKEN).isPresent()) {
            throw new OaiException(OaiError.Code.BAD_RESUMPTION_TOKEN,
                    "ListSets answers in one response and issues no resumption tokens");
        }
        List<OaiSets.SetInfo> all = sets.list(repository.typesIn(EXPOSED), repository.jurisdictionsIn(EXPOSED));
        return xml -> {
            xml.start("ListSets");
            for (OaiSets.SetInfo set : all) {
                xml.start("set").element("setSpec", set.spec()).element("setName", set.name());
                if (!set.labels().isEmpty()) {
                    xml.start("setDescription")
                            .startForeign("oai_dc", "dc", OaiXml.OAI_DC_NS, OaiXml.OAI_DC_SCHEMA)
                            .declare("dc", OaiXml.DC_NS);
                    set.labels().forEach((lang, label) -> xml.dc("title", label, lang));
                    xml.end().end();
                }
                xml.end();
            }
            xml.end();
        };
    }

    // ---- GetRecord ----

    private Body getRecord(OaiRequest request) {
        String identifier = request.argument(OaiRequest.IDENTIFIER).orElseThrow();
        String prefix = request.argument(OaiRequest.METADATA_PREFIX_ARG).orElseThrow();
        Resource resource;
        try {
            resource = item(identifier);
        } catch (OaiException e) {
            if (!prefix.equals(OAI_DC)) {
                throw new OaiException(List.of(e.errors().get(0), cannotDisseminate(prefix)));
            }
            throw e;
        }
        requireOaiDc(prefix);
        return xml -> {
            xml.start("GetRecord");
            record(xml, resource);
            xml.end();
        };
    }

    // ---- ListIdentifiers, ListRecords ----

    private Body list(OaiRequest request, Instant now) {
        boolean records = request.verb().equals(OaiRequest.LIST_RECORDS);
        Optional<String> tokenText = request.argument(OaiRequest.RESUMPTION_TOKEN);
        ResumptionToken position;
        if (tokenText.isPresent()) {
            position = ResumptionToken.decode(tokenText.get())
                    .filter(t -> t.verb().equals(request.verb()))
                    .orElseThrow(() -> new OaiException(OaiError.Code.BAD_RESUMPTION_TOKEN,
                            "this resumptionToken was not issued by this repository for " + request.verb()));
            if (!position.issuedAt().plus(config.tokenLifetime()).isAfter(now)) {
                throw new OaiException(OaiError.Code.BAD_RESUMPTION_TOKEN, "this resumptionToken expired at "
                        + OaiDates.format(position.issuedAt().plus(config.tokenLifetime())) + "; start the list again");
            }
            if (position.issuedAt().isAfter(now.plusSeconds(60))) {
                throw new OaiException(OaiError.Code.BAD_RESUMPTION_TOKEN, "this resumptionToken was not issued by this repository");
            }
        } else {
            String prefix = request.argument(OaiRequest.METADATA_PREFIX_ARG).orElseThrow();
            requireOaiDc(prefix);
            Instant from = request.argument(OaiRequest.FROM).flatMap(OaiDates::parse).map(OaiDates.Bound::start).orElse(null);
            Instant until = request.argument(OaiRequest.UNTIL).flatMap(OaiDates::parse).map(OaiDates.Bound::endExclusive)
                    .orElse(null);
            position = new ResumptionToken(request.verb(), prefix, request.argument(OaiRequest.SET).orElse(null), from, until,
                    null, null, 0, now);
        }
        HarvestFilter filter = filter(position)
                .orElseThrow(() -> new OaiException(OaiError.Code.NO_RECORDS_MATCH,
                        "this repository has no set '" + position.set() + "'; ListSets names them"));
        List<Resource> page = repository.harvestPage(filter, position.lastUpdatedAt(), position.lastId(), config.pageSize() + 1);
        if (page.isEmpty()) {
            throw new OaiException(OaiError.Code.NO_RECORDS_MATCH, position.cursor() == 0
                    ? "no record matches these arguments"
                    : "the rest of this list no longer matches these arguments");
        }
        boolean more = page.size() > config.pageSize();
        List<Resource> items = more ? page.subList(0, config.pageSize()) : page;
        int sent = position.cursor() + items.size();
        ResumptionToken next = null;
        int completeListSize = sent;
        if (more) {
            Resource last = items.get(items.size() - 1);
            next = position.next(last.updatedAt(), last.id(), sent, now);
            completeListSize = Math.max(repository.harvestCount(filter), sent + 1);
        }
        boolean resumed = tokenText.isPresent();
        ResumptionToken nextToken = next;
        int size = completeListSize;
        return xml -> {
            xml.start(request.verb());
            for (Resource resource : items) {
                if (records) {
                    record(xml, resource);
                } else {
                    header(xml, resource);
                }
            }
            if (nextToken != null) {
                xml.start("resumptionToken")
                        .attribute("expirationDate", OaiDates.format(nextToken.issuedAt().plus(config.tokenLifetime())))
                        .attribute("completeListSize", Integer.toString(size))
                        .attribute("cursor", Integer.toString(position.cursor()))
                        .text(nextToken.encode())
                        .end();
            } else if (resumed) {
                // The last part of a list that was resumed: an empty token says the list is complete.
                xml.start("resumptionToken")
                        .attribute("completeListSize", Integer.toString(size))
                        .attribute("cursor", Integer.toString(position.cursor()))
                        .end();
            }
            xml.end();
        };
    }

    private Optional<HarvestFilter> filter(ResumptionToken position) {
        if (position.set() == null) {
            return Optional.of(new HarvestFilter(EXPOSED, position.from(), position.untilExclusive(), null, null, false));
        }
        return sets.selection(position.set()).map(s -> new HarvestFilter(EXPOSED, position.from(), position.untilExclusive(),
                s.type(), s.jurisdiction(), s.withJurisdiction()));
    }

    // ---- records ----

    private void record(OaiXml xml, Resource resource) {
        xml.start("record");
        header(xml, resource);
        if (!deleted(resource)) {
            xml.start("metadata")
                    .startForeign("oai_dc", "dc", OaiXml.OAI_DC_NS, OaiXml.OAI_DC_SCHEMA)
                    .declare("dc", OaiXml.DC_NS);
            for (DublinCore.Element element : dublinCore.elements(resource, endpoint)) {
                xml.dc(element.name(), element.value(), element.lang());
            }
            xml.end().end();
        }
        xml.end();
    }

    private void header(OaiXml xml, Resource resource) {
        xml.start("header");
        if (deleted(resource)) {
            xml.attribute("status", "deleted");
        }
        xml.element("identifier", endpoint.identifierOf(resource.id()))
                .element("datestamp", OaiDates.format(resource.updatedAt()));
        sets.specsOf(resource).forEach(spec -> xml.element("setSpec", spec));
        xml.end();
    }

    private static boolean deleted(Resource resource) {
        return Status.WITHDRAWN.equals(resource.status());
    }

    /** The exposed record an identifier names, or idDoesNotExist. */
    private Resource item(String identifier) {
        Matcher m = ITEM_IDENTIFIER.matcher(identifier);
        if (m.matches() && m.group(1).toLowerCase(Locale.ROOT).equals(endpoint.repositoryId().toLowerCase(Locale.ROOT))) {
            Optional<Resource> found = repository.findById(UUID.fromString(m.group(2)))
                    .filter(r -> EXPOSED.contains(r.status()));
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new OaiException(OaiError.Code.ID_DOES_NOT_EXIST, "'" + identifier + "' is unknown in this repository; "
                + "identifiers look like " + endpoint.identifierOf(SAMPLE_ID));
    }

    private static void requireOaiDc(String prefix) {
        if (!prefix.equals(OAI_DC)) {
            throw new OaiException(List.of(cannotDisseminate(prefix)));
        }
    }

    private static OaiError cannotDisseminate(String prefix) {
        return new OaiError(OaiError.Code.CANNOT_DISSEMINATE_FORMAT,
                "'" + prefix + "' is not a metadata format of this repository; it offers oai_dc");
    }
}
