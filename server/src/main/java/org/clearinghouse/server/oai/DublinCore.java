package org.clearinghouse.server.oai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.Translation;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * The oai_dc (unqualified Dublin Core) view of a record. The mapping, element by element (README.md, "OAI-PMH"):
 * <ul>
 *   <li>title: the title, with xml:lang of the original language; then each translated title with its language</li>
 *   <li>creator: who made it: a course's provider, a policy's issuing body, a regulation's issuing authority;
 *   otherwise the publisher</li>
 *   <li>subject: each theme (English label), each SDG 4 target ("SDG 4.c: ..."), each keyword</li>
 *   <li>description: the summary in the original language, then each translated summary</li>
 *   <li>publisher: the publisher</li>
 *   <li>date: the publication date (YYYY, YYYY-MM or YYYY-MM-DD), when known</li>
 *   <li>type: the DCMI Type (course: InteractiveResource, tool: Software, policy, regulation and practice: Text),
 *   then the catalogue's type label (Course, AI tool, Policy, Regulatory framework, Best practice)</li>
 *   <li>identifier: the resource's own URL, the clearinghouse URL {@code /api/v1/resources/{id}}, and a
 *   regulation's legal identifier</li>
 *   <li>language: each language the resource is available in (ISO 639-1)</li>
 *   <li>relation: a tool's source code URL; the source the record's facts were checked against, when it is not
 *   the resource's URL</li>
 *   <li>coverage: each jurisdiction (country or body, English name), then each UNESCO region</li>
 *   <li>rights: the licence's name, then its URL when it has one</li>
 * </ul>
 * Levels, audiences and the type-specific details have no unqualified Dublin Core element and are left out.
 */
final class DublinCore {
    /** One element: its local name in the DC namespace, its text, and its language (null: none stated). */
    record Element(String name, String value, String lang) {
    }

    private static final Map<String, String> DCMI_TYPES = Map.of(
            "course", "InteractiveResource",
            "tool", "Software",
            "policy", "Text",
            "regulation", "Text",
            "practice", "Text");
    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*");

    private final Vocabularies vocabularies;
    private final Map<String, String> licenseUrls = new HashMap<>();

    DublinCore(Vocabularies vocabularies, ObjectMapper mapper) {
        this.vocabularies = vocabularies;
        JsonNode licenses = vocabularies.asJson(mapper).path("licenses");
        licenses.forEach(entry -> {
            String url = entry.path("url").asText("");
            if (!url.isEmpty() && !entry.path("url").isNull()) {
                licenseUrls.put(entry.path("code").asText(), url);
            }
        });
    }

    List<Element> elements(Resource resource, OaiEndpoint endpoint) {
        ResourceContent c = resource.content();
        List<Element> out = new ArrayList<>();
        String original = lang(c.originalLanguage());

        out.add(new Element("title", c.title(), original));
        c.translations().forEach((language, translation) -> {
            if (present(translation.title())) {
                out.add(new Element("title", translation.title(), lang(language)));
            }
        });

        out.add(new Element("creator", creator(c), null));

        Set<String> subjects = new LinkedHashSet<>();
        c.themes().forEach(theme -> subjects.add(vocabularies.label("themes", theme, "en")));
        c.sdg4Targets().forEach(target -> subjects.add("SDG " + target + ": " + vocabularies.label("sdg4_targets", target, "en")));
        subjects.forEach(subject -> out.add(new Element("subject", subject, "en")));
        new LinkedHashSet<>(c.keywords()).forEach(keyword -> out.add(new Element("subject", keyword, null)));

        out.add(new Element("description", c.summary(), original));
        for (Map.Entry<String, Translation> entry : c.translations().entrySet()) {
            if (present(entry.getValue().summary())) {
                out.add(new Element("description", entry.getValue().summary(), lang(entry.getKey())));
            }
        }

        out.add(new Element("publisher", c.publisher(), null));
        if (present(c.published())) {
            out.add(new Element("date", c.published(), null));
        }

        out.add(new Element("type", DCMI_TYPES.getOrDefault(c.type(), "Text"), null));
        out.add(new Element("type", vocabularies.label("types", c.type(), "en"), "en"));

        out.add(new Element("identifier", c.url(), null));
        out.add(new Element("identifier", endpoint.recordUrl(resource.id()), null));
        if (c.regulation() != null && present(c.regulation().legalIdentifier())) {
            out.add(new Element("identifier", c.regulation().legalIdentifier(), null));
        }

        new LinkedHashSet<>(c.languages()).forEach(language -> out.add(new Element("language", language, null)));

        if (c.tool() != null && present(c.tool().sourceCodeUrl())) {
            out.add(new Element("relation", c.tool().sourceCodeUrl(), null));
        }
        if (c.provenance() != null && present(c.provenance().sourceUrl()) && !c.provenance().sourceUrl().equals(c.url())) {
            out.add(new Element("relation", c.provenance().sourceUrl(), null));
        }

        c.jurisdictions().forEach(code -> out.add(new Element("coverage", vocabularies.label("countries", code, "en"), "en")));
        resource.regions().forEach(region -> out.add(new Element("coverage", vocabularies.label("regions", region, "en"), "en")));

        out.add(new Element("rights", vocabularies.label("licenses", c.license(), "en"), "en"));
        String licenseUrl = licenseUrls.get(c.license());
        if (licenseUrl != null) {
            out.add(new Element("rights", licenseUrl, null));
        }
        return out;
    }

    private static String creator(ResourceContent c) {
        String specific = switch (c.type()) {
            case "course" -> c.course() == null ? null : c.course().provider();
            case "policy" -> c.policy() == null ? null : c.policy().issuingBody();
            case "regulation" -> c.regulation() == null ? null : c.regulation().issuingAuthority();
            default -> null;
        };
        return present(specific) ? specific : c.publisher();
    }

    /** A language tag xml:lang accepts, or null (the element then states no language). */
    private static String lang(String code) {
        return code != null && LANGUAGE.matcher(code).matches() ? code : null;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
