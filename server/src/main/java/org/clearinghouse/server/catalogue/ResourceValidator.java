package org.clearinghouse.server.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * Checks a submitted record in two passes: the shared JSON Schema of seed-data (shapes, lengths, enums),
 * then what the schema cannot know (vocabulary codes, real calendar dates, parseable URLs, which type
 * section belongs). The same checks guard the API, the seed loader and imports.
 */
public final class ResourceValidator {
    public static final List<String> TYPES = List.of("course", "tool", "policy", "regulation", "practice");
    private static final String SCHEMA_PATH = "/schema/resource.schema.json";
    private static final Map<String, String> CODE_FIELDS = Map.of(
            "themes", "themes", "levels", "levels", "audiences", "audiences", "sdg4_targets", "sdg4_targets",
            "languages", "languages");

    private final JsonSchema schema;
    private final Vocabularies vocabularies;

    public ResourceValidator(Vocabularies vocabularies) {
        this.vocabularies = vocabularies;
        this.schema = loadSchema();
    }

    private static JsonSchema loadSchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        try (InputStream in = ResourceValidator.class.getResourceAsStream(SCHEMA_PATH)) {
            if (in == null) {
                throw new IllegalStateException("resource schema missing from the classpath: " + SCHEMA_PATH);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every problem found, sorted by field; empty when the record is valid. */
    public List<FieldError> validate(JsonNode record) {
        if (record == null || !record.isObject()) {
            return List.of(new FieldError("(body)", "must be a JSON object"));
        }
        List<FieldError> errors = new ArrayList<>();
        for (ValidationMessage message : schema.validate(record)) {
            errors.add(new FieldError(fieldOf(message), messageOf(message)));
        }
        // Semantic checks still run on a record with schema errors, so one answer lists every problem,
        // but a field the schema already refused is not reported twice.
        Set<String> refused = errors.stream().map(FieldError::field).collect(java.util.stream.Collectors.toSet());
        List<FieldError> semantic = new ArrayList<>();
        checkSemantics(record, semantic);
        semantic.stream().filter(e -> !refused.contains(e.field())).forEach(errors::add);
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return errors.stream().distinct().toList();
    }

    private static String fieldOf(ValidationMessage message) {
        String location = message.getInstanceLocation().toString();
        String field = location.equals("$") ? "" : location.startsWith("$.") ? location.substring(2) : location.substring(1);
        String property = message.getProperty();
        if (property != null && Set.of("required", "additionalProperties", "dependentRequired").contains(message.getType())) {
            field = field.isEmpty() ? property : field + "." + property;
        }
        return field.isEmpty() ? "(body)" : field;
    }

    private static String messageOf(ValidationMessage message) {
        return switch (message.getType()) {
            case "required" -> "is required";
            case "additionalProperties" -> "is not a known field";
            case "pattern" -> patternMessage(message);
            default -> {
                String error = message.getError();
                yield error != null ? error : message.getMessage();
            }
        };
    }

    private static String patternMessage(ValidationMessage message) {
        String pattern = message.getSchemaNode() == null ? "" : message.getSchemaNode().asText();
        return switch (pattern) {
            case "^[a-z]{2}$" -> "must be an ISO 639-1 language code such as 'en'";
            case "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" -> "must be a date as YYYY, YYYY-MM or YYYY-MM-DD";
            case "^https?://[^\\s]+$" -> "must be an http or https URL without spaces";
            case "^[a-z0-9]+(-[a-z0-9]+)*$" -> "must be lower-case letters and digits joined by single hyphens";
            default -> "does not have the expected form (" + pattern + ")";
        };
    }

    private void checkSemantics(JsonNode record, List<FieldError> errors) {
        String type = record.path("type").asText();
        for (String section : TYPES) {
            if (TYPES.contains(type) && !section.equals(type) && record.has(section)) {
                errors.add(new FieldError(section, "is only allowed when type is '" + section + "'"));
            }
        }
        checkCode(record.path("original_language"), "original_language", "languages", errors);
        CODE_FIELDS.forEach((field, vocabulary) -> checkCodes(record.path(field), field, vocabulary, errors));
        JsonNode jurisdictions = record.path("jurisdictions");
        for (int i = 0; i < jurisdictions.size(); i++) {
            String code = jurisdictions.get(i).asText();
            if (!vocabularies.isJurisdiction(code)) {
                errors.add(new FieldError("jurisdictions[" + i + "]",
                        "'" + code + "' is neither an ISO 3166-1 alpha-2 country code nor a known regional or international body"));
            }
        }
        checkCode(record.path("license"), "license", "licenses", errors);
        record.path("translations").fieldNames().forEachRemaining(language -> {
            if (!vocabularies.codes("languages").contains(language)) {
                errors.add(new FieldError("translations." + language, "'" + language + "' is not an ISO 639-1 language code"));
            }
        });
        checkUrl(record.path("url"), "url", errors);
        checkUrl(record.path("tool").path("source_code_url"), "tool.source_code_url", errors);
        checkUrl(record.path("provenance").path("source_url"), "provenance.source_url", errors);
        checkDate(record.path("published"), "published", errors);
        checkDate(record.path("policy").path("adoption_date"), "policy.adoption_date", errors);
        checkDate(record.path("regulation").path("in_force_date"), "regulation.in_force_date", errors);
        checkDate(record.path("provenance").path("checked"), "provenance.checked", errors);
    }

    private void checkCode(JsonNode node, String field, String vocabulary, List<FieldError> errors) {
        if (node.isTextual() && !vocabularies.codes(vocabulary).contains(node.asText())) {
            errors.add(new FieldError(field, "'" + node.asText() + "' is not in the " + vocabulary + " vocabulary"));
        }
    }

    private void checkCodes(JsonNode array, String field, String vocabulary, List<FieldError> errors) {
        for (int i = 0; i < array.size(); i++) {
            checkCode(array.get(i), field + "[" + i + "]", vocabulary, errors);
        }
    }

    private static void checkUrl(JsonNode node, String field, List<FieldError> errors) {
        if (!node.isTextual()) {
            return;
        }
        try {
            URI uri = new URI(node.asText());
            if (uri.getHost() == null || !uri.getHost().contains(".") && !uri.getHost().equals("localhost")) {
                errors.add(new FieldError(field, "must name a host, such as https://example.org/page"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError(field, "is not a valid URL: " + e.getReason()));
        }
    }

    private static void checkDate(JsonNode node, String field, List<FieldError> errors) {
        if (!node.isTextual()) {
            return;
        }
        String value = node.asText();
        try {
            int year = Integer.parseInt(value.substring(0, 4));
            int month = value.length() >= 7 ? Integer.parseInt(value.substring(5, 7)) : 1;
            int day = value.length() == 10 ? Integer.parseInt(value.substring(8, 10)) : 1;
            LocalDate date = LocalDate.of(year, month, day);
            if (year < 1800 || date.isAfter(LocalDate.now().plusYears(10))) {
                errors.add(new FieldError(field, "year " + year + " is out of range"));
            }
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            errors.add(new FieldError(field, "'" + value + "' is not a real calendar date"));
        }
    }
}
