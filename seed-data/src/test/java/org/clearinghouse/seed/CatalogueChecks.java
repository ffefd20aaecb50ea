package org.clearinghouse.seed;

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
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.clearinghouse.seed.SeedData.CatalogueFile;

/**
 * Every rule a seed record must follow, as functions from catalogue files to problem lists. Each problem is
 * {@code <file>: <field>: <what is wrong>}. The real catalogue and the deliberately broken records of
 * {@link BrokenRecordsTest} go through this same code.
 */
final class CatalogueChecks {
    static final List<String> TYPES = List.of("course", "tool", "policy", "regulation", "practice");
    private static final List<String> DATE_FIELDS =
            List.of("published", "policy.adoption_date", "regulation.in_force_date", "provenance.checked");

    private final JsonSchema schema = loadSchema();
    private final Set<String> languages = SeedData.codes("languages");
    private final Set<String> jurisdictions = SeedData.jurisdictionRegions().keySet();
    private final Set<String> licences = SeedData.codes("licenses");
    private final Map<String, Set<String>> codeFields = Map.of(
            "themes", SeedData.codes("themes"),
            "levels", SeedData.codes("levels"),
            "audiences", SeedData.codes("audiences"),
            "sdg4_targets", SeedData.codes("sdg4_targets"),
            "languages", languages);

    private static JsonSchema loadSchema() {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_PATH)
                .locale(Locale.ENGLISH)
                .build();
        try (InputStream in = CatalogueChecks.class.getClassLoader().getResourceAsStream("schema/resource.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("schema/resource.schema.json is not on the test classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every check, in a fixed order. */
    List<String> all(List<CatalogueFile> files) {
        List<String> problems = new ArrayList<>();
        problems.addAll(parsing(files));
        problems.addAll(schema(files));
        problems.addAll(vocabularies(files));
        problems.addAll(typeSections(files));
        problems.addAll(fileNames(files));
        problems.addAll(identity(files));
        problems.addAll(dates(files));
        problems.addAll(provenance(files));
        problems.addAll(duplicateUrls(files));
        problems.addAll(nearIdenticalTitles(files));
        return problems;
    }

    List<String> parsing(List<CatalogueFile> files) {
        List<String> problems = new ArrayList<>();
        for (CatalogueFile file : files) {
            if (file.json() == null) {
                problems.add(file.path() + ": does not parse: " + file.parseError());
            } else if (!file.json().isObject()) {
                problems.add(file.path() + ": is a JSON " + file.json().getNodeType() + ", not an object");
            }
        }
        return problems;
    }

    /** The JSON Schema, with format assertions (uuid) on; messages name the field, e.g. {@code $.themes[0]}. */
    List<String> schema(List<CatalogueFile> files) {
        return each(files, (file, problems) -> schema.validate(file.json()).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .forEach(message -> problems.add(file.path() + ": " + message)));
    }

    /** Every code in the vocabulary it comes from. */
    List<String> vocabularies(List<CatalogueFile> files) {
        return each(files, (file, problems) -> {
            JsonNode json = file.json();
            String path = file.path();
            code(json.path("original_language"), "original_language", languages, "languages.json", path, problems);
            for (String field : List.of("languages", "themes", "levels", "audiences", "sdg4_targets")) {
                String vocabulary = field + ".json";
                JsonNode array = json.path(field);
                for (int i = 0; i < array.size(); i++) {
                    code(array.get(i), field + "[" + i + "]", codeFields.get(field), vocabulary, path, problems);
                }
            }
            json.path("translations").fieldNames().forEachRemaining(language -> {
                if (!languages.contains(language)) {
                    problems.add(path + ": translations." + language + ": '" + language + "' is not in languages.json");
                }
            });
            JsonNode codes = json.path("jurisdictions");
            for (int i = 0; i < codes.size(); i++) {
                if (!jurisdictions.contains(codes.get(i).asText())) {
                    problems.add(path + ": jurisdictions[" + i + "]: '" + codes.get(i).asText()
                            + "' is in neither countries.json nor bodies.json");
                }
            }
            code(json.path("license"), "license", licences, "licenses.json", path, problems);
        });
    }

    private static void code(JsonNode node, String field, Set<String> codes, String vocabulary, String path, List<String> problems) {
        if (!node.isMissingNode() && !codes.contains(node.asText())) {
            problems.add(path + ": " + field + ": '" + node.asText() + "' is not in " + vocabulary);
        }
    }

    /** No section of another type than the record's own (the schema already requires its own). */
    List<String> typeSections(List<CatalogueFile> files) {
        return each(files, (file, problems) -> {
            String type = file.json().path("type").asText();
            for (String section : TYPES) {
                if (!section.equals(type) && file.json().has(section)) {
                    problems.add(file.path() + ": " + section + ": section present but type is '" + type + "'");
                }
            }
        });
    }

    /** {@code slug} equals the file name and {@code type} the folder. */
    List<String> fileNames(List<CatalogueFile> files) {
        return each(files, (file, problems) -> {
            JsonNode slug = file.json().path("slug");
            if (slug.isMissingNode()) {
                problems.add(file.path() + ": slug: missing (the file name says '" + file.fileSlug() + "')");
            } else if (!slug.asText().equals(file.fileSlug())) {
                problems.add(file.path() + ": slug: '" + slug.asText() + "' differs from the file name '" + file.fileSlug() + "'");
            }
            String type = file.json().path("type").asText();
            if (!type.equals(file.folder())) {
                problems.add(file.path() + ": type: '" + type + "' differs from the folder '" + file.folder() + "'");
            }
        });
    }

    /** Every seed record has an {@code id}; ids and slugs are unique across the catalogue. */
    List<String> identity(List<CatalogueFile> files) {
        Map<String, String> ids = new HashMap<>();
        Map<String, String> slugs = new HashMap<>();
        return each(files, (file, problems) -> {
            JsonNode id = file.json().path("id");
            if (id.isMissingNode()) {
                problems.add(file.path() + ": id: missing");
            } else {
                String first = ids.putIfAbsent(id.asText(), file.path());
                if (first != null) {
                    problems.add(file.path() + ": id: '" + id.asText() + "' is also the id of " + first);
                }
            }
            JsonNode slug = file.json().path("slug");
            if (!slug.isMissingNode()) {
                String first = slugs.putIfAbsent(slug.asText(), file.path());
                if (first != null) {
                    problems.add(file.path() + ": slug: '" + slug.asText() + "' is also the slug of " + first);
                }
            }
        });
    }

    /** Dates are real calendar dates: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} ({@code checked}: full). */
    List<String> dates(List<CatalogueFile> files) {
        return each(files, (file, problems) -> {
            for (String field : DATE_FIELDS) {
                String[] parts = field.split("\\.");
                JsonNode node = parts.length == 1 ? file.json().path(field) : file.json().path(parts[0]).path(parts[1]);
                if (!node.isMissingNode() && !isRealDate(node.asText(), field.equals("provenance.checked"))) {
                    problems.add(file.path() + ": " + field + ": '" + node.asText() + "' is not a real calendar date");
                }
            }
        });
    }

    static boolean isRealDate(String value, boolean fullDateOnly) {
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate.parse(value); // ISO_LOCAL_DATE resolves strictly: 2023-02-30 is refused
                return true;
            }
            if (fullDateOnly) {
                return false;
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                YearMonth.parse(value);
                return true;
            }
            return value.matches("\\d{4}");
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** Every seed record says where its facts come from (the API makes provenance optional, the seed does not). */
    List<String> provenance(List<CatalogueFile> files) {
        return each(files, (file, problems) -> {
            if (!file.json().has("provenance")) {
                problems.add(file.path() + ": provenance: missing");
            }
        });
    }

    /** No two records share a URL once normalised by {@link Duplicates#normaliseUrl}. */
    List<String> duplicateUrls(List<CatalogueFile> files) {
        Map<String, String> seen = new HashMap<>();
        return each(files, (file, problems) -> {
            JsonNode url = file.json().path("url");
            if (url.isTextual()) {
                String normalised = Duplicates.normaliseUrl(url.asText());
                String first = seen.putIfAbsent(normalised, file.path());
                if (first != null) {
                    problems.add(file.path() + ": url: '" + url.asText() + "' is the URL of " + first
                            + " (both normalise to '" + normalised + "')");
                }
            }
        });
    }

    /**
     * No two records have near-identical titles ({@link Duplicates#nearIdentical}). One exception: when both
     * records name jurisdictions and share none, they are instruments of different places that happen to be
     * named alike (Kenya's and Zambia's "The Data Protection Act"), not one resource entered twice.
     */
    List<String> nearIdenticalTitles(List<CatalogueFile> files) {
        List<CatalogueFile> titled = files.stream()
                .filter(f -> f.json() != null && f.json().path("title").isTextual())
                .toList();
        List<String> normalised = titled.stream().map(f -> Duplicates.normaliseTitle(f.json().path("title").asText())).toList();
        List<String> problems = new ArrayList<>();
        for (int j = 1; j < titled.size(); j++) {
            for (int i = 0; i < j; i++) {
                if (Duplicates.nearIdentical(normalised.get(i), normalised.get(j))
                        && !differentPlaces(titled.get(i).json(), titled.get(j).json())) {
                    problems.add(String.format(Locale.ROOT, "%s: title: '%s' is near-identical to the title '%s' of %s (similarity %.2f)",
                            titled.get(j).path(), titled.get(j).json().path("title").asText(),
                            titled.get(i).json().path("title").asText(), titled.get(i).path(),
                            Duplicates.similarity(normalised.get(i), normalised.get(j))));
                }
            }
        }
        return problems;
    }

    static boolean differentPlaces(JsonNode a, JsonNode b) {
        Set<String> first = new HashSet<>();
        a.path("jurisdictions").forEach(code -> first.add(code.asText()));
        Set<String> second = new HashSet<>();
        b.path("jurisdictions").forEach(code -> second.add(code.asText()));
        return !first.isEmpty() && !second.isEmpty() && first.stream().noneMatch(second::contains);
    }

    /** Runs a per-file check over the files that parsed to a JSON object (the others are reported by {@link #parsing}). */
    private static List<String> each(List<CatalogueFile> files, BiConsumer<CatalogueFile, List<String>> check) {
        List<String> problems = new ArrayList<>();
        for (CatalogueFile file : files) {
            if (file.json() != null && file.json().isObject()) {
                check.accept(file, problems);
            }
        }
        return problems;
    }
}
