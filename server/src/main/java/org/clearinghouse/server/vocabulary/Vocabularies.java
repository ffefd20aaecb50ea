package org.clearinghouse.server.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The controlled vocabularies of seed-data (types, regions, countries, bodies, languages, licences, themes,
 * levels, audiences, SDG 4 targets), loaded once and read-only afterwards.
 */
public final class Vocabularies {
    public static final List<String> NAMES = List.of("types", "regions", "countries", "bodies", "languages",
            "licenses", "themes", "levels", "audiences", "sdg4_targets");

    private final Map<String, JsonNode> entriesByVocabulary;
    private final Map<String, Set<String>> codes;
    private final Map<String, String> regionByJurisdiction;
    private final Set<String> openLicenses;
    private final Map<String, Map<String, JsonNode>> entryByCode;

    private Vocabularies(Map<String, JsonNode> entriesByVocabulary) {
        this.entriesByVocabulary = entriesByVocabulary;
        Map<String, Set<String>> codes = new LinkedHashMap<>();
        entriesByVocabulary.forEach((name, entries) -> {
            Set<String> set = new LinkedHashSet<>();
            entries.forEach(entry -> set.add(entry.path("code").asText()));
            codes.put(name, Collections.unmodifiableSet(set));
        });
        this.codes = Collections.unmodifiableMap(codes);
        Map<String, String> regions = new LinkedHashMap<>();
        for (String name : List.of("countries", "bodies")) {
            entriesByVocabulary.get(name).forEach(entry -> {
                JsonNode region = entry.get("region");
                if (region != null && !region.isNull()) {
                    regions.put(entry.path("code").asText(), region.asText());
                }
            });
        }
        this.regionByJurisdiction = Collections.unmodifiableMap(regions);
        Set<String> open = new LinkedHashSet<>();
        entriesByVocabulary.get("licenses").forEach(entry -> {
            if (entry.path("open").asBoolean(false)) {
                open.add(entry.path("code").asText());
            }
        });
        this.openLicenses = Collections.unmodifiableSet(open);
        Map<String, Map<String, JsonNode>> byCode = new LinkedHashMap<>();
        entriesByVocabulary.forEach((name, entries) -> {
            Map<String, JsonNode> map = new LinkedHashMap<>();
            entries.forEach(entry -> map.put(entry.path("code").asText(), entry));
            byCode.put(name, Collections.unmodifiableMap(map));
        });
        this.entryByCode = Collections.unmodifiableMap(byCode);
    }

    /**
     * The label of a code in a language: that language's label, else English, else a licence's name, else
     * the code itself.
     */
    public String label(String vocabulary, String code, String language) {
        JsonNode entry = entryByCode.getOrDefault(vocabulary, Map.of()).get(code);
        if (entry == null && vocabulary.equals("countries")) {
            entry = entryByCode.get("bodies").get(code);
        }
        if (entry == null) {
            return code;
        }
        JsonNode labels = entry.path("labels");
        String text = labels.path(language == null ? "en" : language).asText("");
        if (text.isEmpty()) {
            text = labels.path("en").asText("");
        }
        if (text.isEmpty()) {
            text = entry.path("name").asText(code);
        }
        return text;
    }

    /** Reads every vocabulary from {@code /vocabularies/<name>.json} on the classpath (the seed-data jar). */
    public static Vocabularies load(ObjectMapper mapper) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (String name : NAMES) {
            String path = "/vocabularies/" + name + ".json";
            try (InputStream in = Vocabularies.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("vocabulary missing from the classpath: " + path);
                }
                JsonNode node = mapper.readTree(in);
                if (!node.isArray()) {
                    throw new IllegalStateException("vocabulary " + path + " is not a JSON array");
                }
                entries.put(name, node);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read vocabulary " + path, e);
            }
        }
        return new Vocabularies(Collections.unmodifiableMap(entries));
    }

    public Set<String> codes(String vocabulary) {
        Set<String> set = codes.get(vocabulary);
        if (set == null) {
            throw new IllegalArgumentException("no vocabulary named " + vocabulary);
        }
        return set;
    }

    public boolean isJurisdiction(String code) {
        return codes("countries").contains(code) || codes("bodies").contains(code);
    }

    /** The UNESCO region of a country or regional body; empty for global bodies and unknown codes. */
    public Optional<String> regionOf(String jurisdiction) {
        return Optional.ofNullable(regionByJurisdiction.get(jurisdiction));
    }

    public List<String> regionsOf(List<String> jurisdictions) {
        return jurisdictions.stream().map(this::regionOf).flatMap(Optional::stream).distinct().sorted().toList();
    }

    public boolean isOpenLicense(String code) {
        return openLicenses.contains(code);
    }

    /** All vocabularies as one JSON object, for the API. */
    public ObjectNode asJson(ObjectMapper mapper) {
        ObjectNode all = mapper.createObjectNode();
        entriesByVocabulary.forEach(all::set);
        return all;
    }
}
