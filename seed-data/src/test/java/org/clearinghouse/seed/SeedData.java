package org.clearinghouse.seed;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Loads the seed data from the classpath (it is this module's main resources) and reports problem lists. */
final class SeedData {
    /** Duplicate keys in a file are an error, not a silent "last one wins". */
    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /**
     * One file under {@code catalogue/}: {@code path} is relative to the classpath root, e.g.
     * {@code catalogue/course/elements-of-ai.json}; {@code json} is null when the file does not parse, and then
     * {@code parseError} says why.
     */
    record CatalogueFile(String path, String folder, String fileSlug, JsonNode json, String parseError) {
        static CatalogueFile of(String folder, String fileSlug, JsonNode json) {
            return new CatalogueFile("catalogue/" + folder + "/" + fileSlug + ".json", folder, fileSlug, json, null);
        }
    }

    private static List<CatalogueFile> catalogue;
    private static final Map<String, List<JsonNode>> VOCABULARIES = new LinkedHashMap<>();

    private SeedData() {
    }

    /** Every file under {@code catalogue/}, sorted by path, found by walking the directory of the resource. */
    static synchronized List<CatalogueFile> catalogue() {
        if (catalogue == null) {
            catalogue = List.copyOf(walkCatalogue());
        }
        return catalogue;
    }

    private static List<CatalogueFile> walkCatalogue() {
        URL url = SeedData.class.getClassLoader().getResource("catalogue");
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("catalogue/ is not a directory on the test classpath: " + url);
        }
        try (Stream<Path> walk = Files.walk(Path.of(url.toURI()))) {
            Path root = Path.of(url.toURI()).getParent();
            List<CatalogueFile> files = new ArrayList<>();
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String path = root.relativize(file).toString().replace('\\', '/');
                String[] parts = path.split("/");
                String folder = parts.length == 3 ? parts[1] : "(not catalogue/<type>/<slug>.json)";
                String name = parts[parts.length - 1];
                String fileSlug = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
                try {
                    files.add(new CatalogueFile(path, folder, fileSlug, JSON.readTree(file.toFile()), null));
                } catch (IOException e) {
                    files.add(new CatalogueFile(path, folder, fileSlug, null, e.getMessage()));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON resource of this module, e.g. {@code thesaurus/concepts.json}. */
    static JsonNode read(String resource) {
        try (InputStream in = SeedData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " does not parse", e);
        }
    }

    /** The entries of {@code vocabularies/<name>.json}; fails when the file is not an array. */
    static synchronized List<JsonNode> vocabulary(String name) {
        return VOCABULARIES.computeIfAbsent(name, n -> {
            JsonNode root = read("vocabularies/" + n + ".json");
            if (!root.isArray()) {
                throw new IllegalStateException("vocabularies/" + n + ".json: is a " + root.getNodeType() + ", not an array");
            }
            List<JsonNode> entries = new ArrayList<>();
            root.forEach(entries::add);
            return List.copyOf(entries);
        });
    }

    /** The codes of a vocabulary, in file order. */
    static Set<String> codes(String name) {
        Set<String> codes = new LinkedHashSet<>();
        vocabulary(name).forEach(entry -> codes.add(entry.path("code").asText()));
        return codes;
    }

    /** Jurisdiction code (country or body) to its UNESCO region; the value is null for global bodies. */
    static Map<String, String> jurisdictionRegions() {
        Map<String, String> regions = new LinkedHashMap<>();
        for (String vocabulary : List.of("countries", "bodies")) {
            for (JsonNode entry : vocabulary(vocabulary)) {
                JsonNode region = entry.path("region");
                regions.put(entry.path("code").asText(), region.isTextual() ? region.asText() : null);
            }
        }
        return regions;
    }

    /** Fails once, listing every problem, when the list is not empty. */
    static void assertNoProblems(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s): " + what + "\n  " + String.join("\n  ", problems));
        }
    }
}
