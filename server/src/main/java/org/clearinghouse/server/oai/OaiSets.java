package org.clearinghouse.server.oai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * The set hierarchy: {@code type} with a child per resource type ({@code type:policy}), and {@code country} with
 * a child per country or intergovernmental body a record concerns ({@code country:KE}, {@code country:UNESCO}).
 * Harvesting a parent harvests its children: {@code type} is every record, {@code country} every record that
 * concerns at least one jurisdiction.
 */
final class OaiSets {
    static final String TYPE = "type";
    static final String COUNTRY = "country";
    private static final Pattern SET_SPEC = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*");

    /** What a set selects: one type, one jurisdiction, or any record with a jurisdiction; null fields: any. */
    record Selection(String type, String jurisdiction, boolean withJurisdiction) {
    }

    /** A set as ListSets describes it; {@code labels} (language to name) go into its setDescription. */
    record SetInfo(String spec, String name, Map<String, String> labels) {
    }

    private final Vocabularies vocabularies;
    private final Map<String, Map<String, String>> typeLabels;
    private final Map<String, Map<String, String>> jurisdictionLabels;

    OaiSets(Vocabularies vocabularies, ObjectMapper mapper) {
        this.vocabularies = vocabularies;
        JsonNode all = vocabularies.asJson(mapper);
        this.typeLabels = labels(all.path("types"));
        Map<String, Map<String, String>> jurisdictions = new LinkedHashMap<>(labels(all.path("countries")));
        jurisdictions.putAll(labels(all.path("bodies")));
        this.jurisdictionLabels = jurisdictions;
    }

    static boolean wellFormed(String spec) {
        return SET_SPEC.matcher(spec).matches();
    }

    /** What {@code spec} selects; empty when this repository has no such set (the list is then empty). */
    Optional<Selection> selection(String spec) {
        if (spec.equals(TYPE)) {
            return Optional.of(new Selection(null, null, false));
        }
        if (spec.equals(COUNTRY)) {
            return Optional.of(new Selection(null, null, true));
        }
        if (spec.startsWith(TYPE + ":")) {
            String type = spec.substring(TYPE.length() + 1);
            return vocabularies.codes("types").contains(type) ? Optional.of(new Selection(type, null, false)) : Optional.empty();
        }
        if (spec.startsWith(COUNTRY + ":")) {
            String code = spec.substring(COUNTRY.length() + 1);
            return vocabularies.isJurisdiction(code) ? Optional.of(new Selection(null, code, false)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The setSpecs of the leaf sets a record belongs to, as its header lists them. */
    List<String> specsOf(Resource resource) {
        List<String> specs = new ArrayList<>();
        specs.add(TYPE + ":" + resource.content().type());
        resource.content().jurisdictions().forEach(code -> specs.add(COUNTRY + ":" + code));
        return specs;
    }

    /** Both parents, then a child for each type and each jurisdiction present among the exposed records. */
    List<SetInfo> list(List<String> typesPresent, List<String> jurisdictionsPresent) {
        List<SetInfo> sets = new ArrayList<>();
        sets.add(new SetInfo(TYPE, "Resource types", Map.of()));
        for (String type : typesPresent) {
            sets.add(new SetInfo(TYPE + ":" + type, "Type: " + vocabularies.label("types", type, "en"),
                    typeLabels.getOrDefault(type, Map.of())));
        }
        sets.add(new SetInfo(COUNTRY, "Countries and intergovernmental bodies", Map.of()));
        for (String code : jurisdictionsPresent) {
            String kind = vocabularies.codes("bodies").contains(code) ? "Body: " : "Country: ";
            sets.add(new SetInfo(COUNTRY + ":" + code, kind + vocabularies.label("countries", code, "en"),
                    jurisdictionLabels.getOrDefault(code, Map.of())));
        }
        return sets;
    }

    private static Map<String, Map<String, String>> labels(JsonNode entries) {
        Map<String, Map<String, String>> byCode = new LinkedHashMap<>();
        entries.forEach(entry -> {
            Map<String, String> labels = new LinkedHashMap<>();
            entry.path("labels").properties().forEach(e -> {
                if (!e.getValue().asText("").isEmpty()) {
                    labels.put(e.getKey(), e.getValue().asText());
                }
            });
            byCode.put(entry.path("code").asText(), labels);
        });
        return byCode;
    }
}
