package org.clearinghouse.server.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.clearinghouse.web.Lang;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.view.Option;

/**
 * The record form's fields and the API's JSON, both ways: form fields are named by JSON path
 * ({@code course.provider}); lists are typed comma-separated or ticked; the JSON goes through the same
 * validation as the API. Knows nothing of HTTP.
 */
final class RecordForms {
    static final List<String> TYPES = List.of("course", "tool", "policy", "regulation", "practice");
    static final List<String> TEXT = List.of("title", "summary", "url", "original_language", "publisher", "license", "published");
    static final List<String> COMMA_LISTS = List.of("languages", "jurisdictions", "keywords");
    static final List<String> TICKED = List.of("themes", "audiences", "levels");
    /** Type-specific fields: name → kind (text, number, boolean, list, or the message prefix of an enumeration). */
    static final Map<String, Map<String, String>> DETAILS = details();

    private final Vocabularies vocabularies;
    private final ObjectMapper mapper;

    RecordForms(Vocabularies vocabularies, ObjectMapper mapper) {
        this.vocabularies = vocabularies;
        this.mapper = mapper;
    }

    /** The JSON a form sends, over {@code base} (an edited record's current JSON, so fields not in the form stay). */
    ObjectNode toJson(Map<String, List<String>> form, ObjectNode base) {
        ObjectNode json = base == null ? mapper.createObjectNode() : base.deepCopy();
        String type = first(form, "type");
        putText(json, "type", type);
        TEXT.forEach(f -> putText(json, f, first(form, f)));
        COMMA_LISTS.forEach(f -> putList(json, f, split(first(form, f))));
        TICKED.forEach(f -> putList(json, f, form.getOrDefault(f, List.of())));
        TYPES.forEach(json::remove);
        if (type != null && DETAILS.containsKey(type)) {
            ObjectNode section = json.putObject(type);
            DETAILS.get(type).forEach((field, kind) -> {
                String raw = first(form, type + "." + field);
                if (raw == null) {
                    return;
                }
                switch (kind) {
                    case "number" -> {
                        try {
                            section.put(field, new java.math.BigDecimal(raw));
                        } catch (NumberFormatException e) {
                            section.put(field, raw); // the validator names the field
                        }
                    }
                    case "boolean" -> section.put(field, raw.equals("true"));
                    case "list" -> putList(section, field, split(raw));
                    default -> section.put(field, raw);
                }
            });
        }
        return json;
    }

    /** The form's values from a record's JSON (to edit it). */
    Map<String, String> values(JsonNode json) {
        Map<String, String> values = new LinkedHashMap<>();
        putValue(values, "type", json.path("type"));
        TEXT.forEach(f -> putValue(values, f, json.path(f)));
        COMMA_LISTS.forEach(f -> values.put(f, join(json.path(f))));
        TICKED.forEach(f -> values.put(f, join(json.path(f))));
        String type = json.path("type").asText("");
        if (DETAILS.containsKey(type)) {
            DETAILS.get(type).forEach((field, kind) -> {
                JsonNode v = json.path(type).path(field);
                values.put(type + "." + field, v.isArray() ? join(v) : v.isMissingNode() || v.isNull() ? "" : v.asText());
            });
        }
        return values;
    }

    /** The form's values as typed (kept when the record is refused). */
    static Map<String, String> typed(Map<String, List<String>> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(k, TICKED.contains(k) ? String.join(",", v) : v.isEmpty() ? "" : v.get(0)));
        return values;
    }

    /** The options of every select and checkbox group, the current ones selected. */
    Map<String, List<Option>> choices(Map<String, String> values, Lang lang, Messages t) {
        Map<String, List<Option>> choices = new LinkedHashMap<>();
        choices.put("type", vocabulary("types", values.get("type"), lang));
        for (String f : TICKED) {
            Set<String> ticked = new LinkedHashSet<>(split(values.get(f)));
            choices.put(f, vocabularies.codes(f).stream()
                    .map(c -> new Option(c, vocabularies.label(f, c, lang.code()), ticked.contains(c))).toList());
        }
        DETAILS.forEach((type, fields) -> fields.forEach((field, kind) -> {
            String name = type + "." + field;
            String current = values.getOrDefault(name, "");
            if (kind.equals("boolean")) {
                choices.put(name, List.of(new Option("true", t.t("value.yes"), current.equals("true")),
                        new Option("false", t.t("value.no"), current.equals("false"))));
            } else if (kind.startsWith("enum:")) {
                String[] parts = kind.substring(5).split(":");
                List<Option> options = new ArrayList<>();
                for (String code : parts[1].split(",")) {
                    options.add(new Option(code, t.t(parts[0] + code), code.equals(current)));
                }
                choices.put(name, options);
            }
        }));
        return choices;
    }

    /** Errors by form field: {@code jurisdictions[0]} belongs to {@code jurisdictions}. */
    static Map<String, String> errors(List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError e : errors) {
            String field = e.field().replaceAll("\\[\\d+]", "");
            byField.merge(field, e.message(), (a, b) -> a + "; " + b);
        }
        return byField;
    }

    private List<Option> vocabulary(String name, String current, Lang lang) {
        return vocabularies.codes(name).stream()
                .map(c -> new Option(c, vocabularies.label(name, c, lang.code()), c.equals(current))).toList();
    }

    private static void putText(ObjectNode json, String field, String value) {
        if (value == null || value.isBlank()) {
            json.remove(field);
        } else {
            json.put(field, value.strip());
        }
    }

    private static void putList(ObjectNode json, String field, List<String> values) {
        if (values.isEmpty()) {
            json.remove(field);
        } else {
            var array = json.putArray(field);
            values.forEach(array::add);
        }
    }

    static List<String> split(String raw) {
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (String part : raw.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(v -> parts.add(v.asText()));
        return String.join(", ", parts);
    }

    private static void putValue(Map<String, String> values, String field, JsonNode node) {
        values.put(field, node.isMissingNode() || node.isNull() ? "" : node.asText());
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.getOrDefault(name, List.of());
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }

    private static Map<String, Map<String, String>> details() {
        Map<String, Map<String, String>> d = new LinkedHashMap<>();
        d.put("course", ordered("provider", "text", "format", "enum:course.format.:self_paced,scheduled", "duration_hours", "number",
                "level", "enum:course.level.:beginner,intermediate,advanced", "cost", "enum:course.cost.:free,paid",
                "certificate", "enum:course.certificate.:none,free,paid"));
        d.put("tool", ordered("source_code_url", "text", "open_source", "boolean", "platforms", "list", "offline_capable", "boolean",
                "personal_data", "enum:value.:yes,no,unknown", "minimum_age", "number"));
        d.put("policy", ordered("issuing_body", "text", "instrument_type",
                "enum:instrument.:strategy,action_plan,roadmap,guidance,framework,recommendation,declaration,report",
                "status", "enum:status.:proposed,in_force,superseded,ended", "adoption_date", "text"));
        d.put("regulation", ordered("issuing_authority", "text", "binding", "boolean", "legal_identifier", "text",
                "in_force_date", "text", "status", "enum:status.:proposed,adopted,in_force,superseded,repealed"));
        d.put("practice", ordered("context", "text", "scale_reached", "text", "outcomes", "text",
                "evidence_type", "enum:evidence.:descriptive,case_study,evaluation,quasi_experimental,randomised_trial"));
        return java.util.Collections.unmodifiableMap(d);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
