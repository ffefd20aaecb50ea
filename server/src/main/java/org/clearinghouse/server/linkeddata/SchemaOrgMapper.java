package org.clearinghouse.server.linkeddata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearinghouse.server.catalogue.CourseDetails;
import org.clearinghouse.server.catalogue.PolicyDetails;
import org.clearinghouse.server.catalogue.PracticeDetails;
import org.clearinghouse.server.catalogue.RegulationDetails;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.ToolDetails;
import org.clearinghouse.server.catalogue.Translation;
import org.clearinghouse.server.config.SiteConfig;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * A catalogue record as schema.org JSON-LD (with the LRMI properties schema.org adopted), for search engines
 * and linked-data harvesters. The mapping, type by type, is documented in the README ("Linked data"); in short:
 * course → {@code Course}, tool → {@code SoftwareApplication}, regulation → {@code Legislation}, policy →
 * {@code CreativeWork} ({@code Report} when the instrument is a report), practice → {@code Report}.
 *
 * <p>Written against the real schema.org context ({@code "@context": "https://schema.org"}), whose
 * {@code @vocab} is {@code http://schema.org/} and which coerces a few properties: values of {@code url},
 * {@code sameAs}, {@code license}, {@code codeRepository} and {@code inDefinedTermSet} are IRIs, and
 * {@code datePublished}, {@code dateModified} and {@code legislationDate} are typed {@code schema:Date}. Every
 * other value is written so that it means the same with or without that context: enumeration members as
 * {@code {"@id": "schema:…"}}, language-tagged texts as {@code {"@value", "@language"}}.
 */
public final class SchemaOrgMapper {
    public static final String CONTEXT = "https://schema.org";
    static final String ISCED = "https://uis.unesco.org/en/topic/international-standard-classification-education-isced";
    static final String SDG4 = "https://sdgs.un.org/goals/goal4";
    static final String ISO_3166_1 = "ISO 3166-1 alpha-2";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, String> ROLES = Map.of("policymakers", "policymaker", "teachers", "teacher",
            "learners", "student", "parents", "parent", "developers", "developer", "researchers", "researcher");
    private static final Map<String, String> PLATFORMS = Map.of("web", "Web browser", "android", "Android", "ios", "iOS",
            "windows", "Windows", "macos", "macOS", "linux", "Linux", "chromeos", "ChromeOS");
    private static final Map<String, String> INSTRUMENTS = Map.of("strategy", "Strategy", "action_plan", "Action plan",
            "roadmap", "Roadmap", "guidance", "Guidance", "framework", "Framework", "recommendation", "Recommendation",
            "declaration", "Declaration", "report", "Report");
    private static final Map<String, String> POLICY_STATUS = Map.of("proposed", "Proposed", "in_force", "In force",
            "superseded", "Superseded", "ended", "Ended");
    private static final Map<String, String> EVIDENCE = Map.of("descriptive", "Descriptive account", "case_study",
            "Case study", "evaluation", "Evaluation", "quasi_experimental", "Quasi-experimental study",
            "randomised_trial", "Randomised controlled trial");

    private final Vocabularies vocabularies;
    private final SiteConfig site;
    private final Map<String, JsonNode> licenses = new LinkedHashMap<>();
    private final Map<String, Map<String, JsonNode>> entries = new LinkedHashMap<>();

    public SchemaOrgMapper(Vocabularies vocabularies, ObjectMapper mapper, SiteConfig site) {
        this.vocabularies = vocabularies;
        this.site = site;
        JsonNode all = vocabularies.asJson(mapper);
        all.properties().forEach(vocabulary -> {
            Map<String, JsonNode> byCode = new LinkedHashMap<>();
            vocabulary.getValue().forEach(entry -> byCode.put(entry.path("code").asText(), entry));
            entries.put(vocabulary.getKey(), byCode);
        });
        licenses.putAll(entries.getOrDefault("licenses", Map.of()));
    }

    /** The IRI that names the record in linked data: its id URL, which never changes. */
    public String iri(Resource resource) {
        return site.url("/api/v1/resources/" + resource.id());
    }

    /** The record as one schema.org node with its {@code @context}. */
    public ObjectNode describe(Resource resource) {
        ResourceContent c = resource.content();
        ObjectNode node = NODES.objectNode();
        node.put("@context", CONTEXT);
        node.put("@type", type(c));
        node.put("@id", iri(resource));
        node.put("identifier", "urn:uuid:" + resource.id());
        node.put("url", c.url());
        node.set("sameAs", array(site.url("/api/v1/resources/" + resource.slug())));
        node.set("name", texts(c, c.title(), Translation::title));
        node.set("description", texts(c, c.summary(), Translation::summary));
        node.set("inLanguage", array(c.languages()));
        node.set("publisher", organization(c.publisher()));
        if (c.published() != null) {
            node.put("datePublished", c.published());
        }
        if (resource.updatedAt() != null) {
            node.put("dateModified", resource.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        String licenseUrl = licenseUrl(c.license());
        if (licenseUrl != null) {
            node.put("license", licenseUrl);
        }
        Boolean free = accessibleForFree(c);
        if (free != null) {
            node.put("isAccessibleForFree", free);
        }
        ArrayNode levels = educationalLevels(c);
        if (!levels.isEmpty()) {
            node.set("educationalLevel", levels);
        }
        if (!c.audiences().isEmpty()) {
            ArrayNode audiences = node.putArray("audience");
            c.audiences().forEach(code -> audiences.add(NODES.objectNode().put("@type", "EducationalAudience")
                    .put("educationalRole", ROLES.getOrDefault(code, code))
                    .put("audienceType", vocabularies.label("audiences", code, "en"))));
        }
        ArrayNode about = NODES.arrayNode();
        c.themes().forEach(code -> about.add(definedTerm(code, labels("themes", code),
                site.url("/api/v1/vocabularies#themes"))));
        c.sdg4Targets().forEach(code -> about.add(definedTerm(code,
                NODES.textNode("SDG target " + code + ": " + vocabularies.label("sdg4_targets", code, "en")), SDG4)));
        if (!about.isEmpty()) {
            node.set("about", about);
        }
        if (!c.keywords().isEmpty()) {
            node.set("keywords", array(c.keywords()));
        }
        if (!c.jurisdictions().isEmpty()) {
            node.set("spatialCoverage", places(c.jurisdictions()));
        }
        switch (c.type()) {
            case "course" -> course(node, c, c.course());
            case "tool" -> tool(node, c.tool());
            case "policy" -> policy(node, c.policy());
            case "regulation" -> regulation(node, c, c.regulation());
            case "practice" -> practice(node, c.practice());
            default -> throw new IllegalStateException("unknown type " + c.type());
        }
        return node;
    }

    /** The schema.org type of a record. */
    static String type(ResourceContent c) {
        return switch (c.type()) {
            case "course" -> "Course";
            case "tool" -> "SoftwareApplication";
            case "regulation" -> "Legislation";
            case "policy" -> c.policy() != null && "report".equals(c.policy().instrumentType()) ? "Report" : "CreativeWork";
            case "practice" -> "Report";
            default -> throw new IllegalStateException("unknown type " + c.type());
        };
    }

    private void course(ObjectNode node, ResourceContent c, CourseDetails course) {
        if (course == null) {
            return;
        }
        node.set("provider", organization(course.provider()));
        ObjectNode instance = node.putObject("hasCourseInstance").put("@type", "CourseInstance");
        if (course.format() != null) {
            instance.put("courseMode", course.format().equals("self_paced") ? "self-paced" : "scheduled");
        }
        if (course.durationHours() != null) {
            instance.put("courseWorkload", isoDuration(course.durationHours()));
        }
        if (course.cost() != null) {
            node.set("offers", offer(course.cost()));
        }
        if (course.certificate() != null && !course.certificate().equals("none")) {
            node.set("educationalCredentialAwarded", NODES.objectNode().put("@type", "EducationalOccupationalCredential")
                    .put("credentialCategory", "certificate")
                    .put("name", "Certificate of completion")
                    .set("offers", offer(course.certificate())));
        }
        Set<String> teaches = new LinkedHashSet<>();
        c.themes().forEach(code -> teaches.add(vocabularies.label("themes", code, "en")));
        teaches.addAll(c.keywords());
        if (!teaches.isEmpty()) {
            node.set("teaches", array(List.copyOf(teaches)));
        }
    }

    private void tool(ObjectNode node, ToolDetails tool) {
        node.put("applicationCategory", "EducationalApplication");
        if (tool == null) {
            return;
        }
        if (tool.platforms() != null && !tool.platforms().isEmpty()) {
            node.set("operatingSystem", array(tool.platforms().stream().map(p -> PLATFORMS.getOrDefault(p, p)).toList()));
        }
        if (tool.minimumAge() != null) {
            node.put("typicalAgeRange", tool.minimumAge() + "-");
        }
        if (tool.sourceCodeUrl() != null) {
            // codeRepository belongs to SoftwareSourceCode, whose targetProduct is this application.
            ObjectNode source = NODES.objectNode().put("@type", "SoftwareSourceCode").put("codeRepository", tool.sourceCodeUrl());
            node.putObject("@reverse").set("targetProduct", source);
        }
    }

    private void policy(ObjectNode node, PolicyDetails policy) {
        if (policy == null) {
            return;
        }
        node.set("author", organization(policy.issuingBody()));
        if (policy.instrumentType() != null) {
            node.put("genre", INSTRUMENTS.getOrDefault(policy.instrumentType(), policy.instrumentType()));
        }
        if (policy.status() != null) {
            node.put("creativeWorkStatus", POLICY_STATUS.getOrDefault(policy.status(), policy.status()));
        }
    }

    private void regulation(ObjectNode node, ResourceContent c, RegulationDetails regulation) {
        if (regulation == null) {
            return;
        }
        if (c.published() != null) {
            node.put("legislationDate", c.published());
        }
        if (regulation.legalIdentifier() != null) {
            node.put("legislationIdentifier", regulation.legalIdentifier());
        }
        if (regulation.status() != null) {
            node.set("legislationLegalForce", NODES.objectNode()
                    .put("@id", regulation.status().equals("in_force") ? "schema:InForce" : "schema:NotInForce"));
        }
        if (!c.jurisdictions().isEmpty()) {
            node.set("legislationJurisdiction", places(c.jurisdictions()));
        }
        if (regulation.issuingAuthority() != null) {
            node.set("legislationPassedBy", organization(regulation.issuingAuthority()));
        }
    }

    private void practice(ObjectNode node, PracticeDetails practice) {
        if (practice != null && practice.evidenceType() != null) {
            node.put("genre", EVIDENCE.getOrDefault(practice.evidenceType(), practice.evidenceType()));
        }
    }

    /** Free of charge: a course that costs nothing, or anything under an open licence or open source; else unknown. */
    private Boolean accessibleForFree(ResourceContent c) {
        if (c.course() != null && c.course().cost() != null) {
            return c.course().cost().equals("free");
        }
        if (vocabularies.isOpenLicense(c.license()) || c.tool() != null && Boolean.TRUE.equals(c.tool().openSource())) {
            return true;
        }
        return null;
    }

    private String licenseUrl(String code) {
        JsonNode entry = licenses.get(code);
        if (entry == null) {
            return null;
        }
        String url = entry.path("url").asText("");
        return url.isEmpty() ? null : url;
    }

    private ArrayNode educationalLevels(ResourceContent c) {
        ArrayNode levels = NODES.arrayNode();
        for (String code : c.levels()) {
            levels.add(definedTerm(code.startsWith("isced_") ? code.substring("isced_".length()) : code,
                    labels("levels", code), ISCED));
        }
        if (c.course() != null && c.course().level() != null) {
            levels.add(c.course().level());
        }
        return levels;
    }

    private ArrayNode places(List<String> jurisdictions) {
        ArrayNode places = NODES.arrayNode();
        for (String code : jurisdictions) {
            boolean country = vocabularies.codes("countries").contains(code);
            ObjectNode place = NODES.objectNode().put("@type", country ? "Country" : "AdministrativeArea")
                    .put("name", vocabularies.label("countries", code, "en"));
            place.set("identifier", NODES.objectNode().put("@type", "PropertyValue")
                    .put("propertyID", country ? ISO_3166_1 : site.url("/api/v1/vocabularies#bodies"))
                    .put("value", code));
            places.add(place);
        }
        return places;
    }

    private static ObjectNode definedTerm(String code, JsonNode name, String set) {
        ObjectNode term = NODES.objectNode().put("@type", "DefinedTerm");
        term.set("name", name);
        return term.put("termCode", code).put("inDefinedTermSet", set);
    }

    /** A vocabulary entry's labels as language-tagged values, English first. */
    private ArrayNode labels(String vocabulary, String code) {
        ArrayNode values = NODES.arrayNode();
        JsonNode entry = entries.getOrDefault(vocabulary, Map.of()).get(code);
        JsonNode labels = entry == null ? NODES.objectNode() : entry.path("labels");
        if (labels.has("en")) {
            values.add(tagged(labels.get("en").asText(), "en"));
        }
        labels.properties().forEach(e -> {
            if (!e.getKey().equals("en")) {
                values.add(tagged(e.getValue().asText(), e.getKey()));
            }
        });
        if (values.isEmpty()) {
            values.add(code);
        }
        return values;
    }

    /** A text in the record's language, then in each translation that has one. */
    private static ArrayNode texts(ResourceContent c, String original, java.util.function.Function<Translation, String> part) {
        ArrayNode values = NODES.arrayNode();
        values.add(tagged(original, c.originalLanguage()));
        c.translations().forEach((language, translation) -> {
            String text = part.apply(translation);
            if (text != null && !text.isBlank() && !language.equals(c.originalLanguage())) {
                values.add(tagged(text, language));
            }
        });
        return values;
    }

    private static ObjectNode tagged(String value, String language) {
        return NODES.objectNode().put("@value", value).put("@language", language);
    }

    private static ObjectNode organization(String name) {
        return NODES.objectNode().put("@type", "Organization").put("name", name);
    }

    private static ObjectNode offer(String cost) {
        ObjectNode offer = NODES.objectNode().put("@type", "Offer").put("category", cost.equals("free") ? "Free" : "Paid");
        if (cost.equals("free")) {
            offer.put("price", 0);
        }
        return offer;
    }

    private static ArrayNode array(String value) {
        return NODES.arrayNode().add(value);
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** Hours as an ISO 8601 duration: 12 → PT12H, 1.5 → PT1H30M. */
    static String isoDuration(double hours) {
        long seconds = new BigDecimal(hours).multiply(BigDecimal.valueOf(3600)).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
        return Duration.ofSeconds(seconds).toString();
    }
}
