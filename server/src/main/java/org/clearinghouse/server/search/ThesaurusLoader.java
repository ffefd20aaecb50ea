package org.clearinghouse.server.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearinghouse.indexer.Concept;
import org.clearinghouse.indexer.Thesaurus;

/** Reads seed-data's multilingual thesaurus ({@code /thesaurus/concepts.json}) for the index. */
public final class ThesaurusLoader {
    private static final String PATH = "/thesaurus/concepts.json";

    private ThesaurusLoader() {
    }

    public static Thesaurus load(ObjectMapper mapper) {
        try (InputStream in = ThesaurusLoader.class.getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException("thesaurus missing from the classpath: " + PATH);
            }
            List<Concept> concepts = new ArrayList<>();
            for (JsonNode concept : mapper.readTree(in).path("concepts")) {
                Map<String, List<String>> labels = new LinkedHashMap<>();
                concept.path("labels").fields().forEachRemaining(e -> {
                    List<String> values = new ArrayList<>();
                    e.getValue().forEach(v -> values.add(v.asText()));
                    labels.put(e.getKey(), values);
                });
                concepts.add(new Concept(concept.path("id").asText(), labels));
            }
            return new Thesaurus(concepts);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the thesaurus", e);
        }
    }
}
