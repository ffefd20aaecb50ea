package org.clearinghouse.indexer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fixture corpus and thesauri, read the way the server will hand them over. */
final class Fixtures {
    /** The thesaurus the seed-data module ships, when present in this checkout. */
    static final Path REAL_THESAURUS = Path.of("..", "seed-data", "src", "main", "resources", "thesaurus", "concepts.json");

    private Fixtures() {
    }

    static List<SearchDocument> records() {
        List<SearchDocument> out = new ArrayList<>();
        for (String line : resource("fixture/records.jsonl").split("\n")) {
            if (!line.isBlank()) {
                out.add(record(asMap(Json.parse(line))));
            }
        }
        return out;
    }

    static Thesaurus thesaurus() {
        return thesaurus(resource("fixture/thesaurus.json"));
    }

    static Optional<Thesaurus> realThesaurus() {
        if (!Files.isRegularFile(REAL_THESAURUS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(thesaurus(Files.readString(REAL_THESAURUS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Thesaurus thesaurus(String json) {
        List<Concept> concepts = new ArrayList<>();
        for (Object o : (List<?>) asMap(Json.parse(json)).get("concepts")) {
            Map<String, Object> c = asMap(o);
            Map<String, List<String>> labels = new LinkedHashMap<>();
            asMap(c.get("labels")).forEach((lang, values) -> labels.put(lang, strings(values)));
            concepts.add(new Concept((String) c.get("id"), labels));
        }
        return new Thesaurus(concepts);
    }

    static SearchDocument record(Map<String, Object> m) {
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        asMap(m.get("texts")).forEach((lang, t) -> {
            Map<String, Object> text = asMap(t);
            texts.put(lang, new LocalizedText((String) text.get("title"), (String) text.get("summary")));
        });
        Number year = (Number) m.get("year");
        return new SearchDocument((String) m.get("id"), (String) m.get("slug"), (String) m.get("type"), (String) m.get("originalLanguage"), texts,
                (String) m.get("url"), (String) m.get("publisher"), strings(m.get("countries")), strings(m.get("regions")), strings(m.get("languages")),
                strings(m.get("themes")), strings(m.get("levels")), strings(m.get("audiences")), (String) m.get("license"),
                year == null ? null : year.intValue(), Boolean.TRUE.equals(m.get("open")), strings(m.get("keywords")),
                ((Number) m.get("changeSequence")).longValue());
    }

    /** A small record for tests that build their own corpus. */
    static SearchDocument doc(String id, String lang, String title, String summary, long sequence) {
        return new SearchDocument(id, id, "tool", lang, Map.of(lang, new LocalizedText(title, summary)), "https://example.org/" + id, "Example",
                List.of("FR"), List.of("europe_north_america"), List.of(lang), List.of("ai_literacy_skills"), List.of(), List.of("teachers"),
                "CC-BY-4.0", 2024, true, List.of(), sequence);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o != null) {
            for (Object v : (List<?>) o) {
                out.add((String) v);
            }
        }
        return out;
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
