package org.clearinghouse.server.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a contributor describes: every field of a record except the catalogue's own bookkeeping
 * (id, slug, status, derived regions, timestamps). Built only from input that passed validation.
 */
@JsonIgnoreProperties({"id", "slug"})
public record ResourceContent(
        String type,
        String title,
        String summary,
        String originalLanguage,
        Map<String, Translation> translations,
        String url,
        List<String> languages,
        List<String> jurisdictions,
        String publisher,
        String license,
        String published,
        List<String> themes,
        List<String> levels,
        List<String> audiences,
        List<String> sdg4Targets,
        List<String> keywords,
        CourseDetails course,
        ToolDetails tool,
        PolicyDetails policy,
        RegulationDetails regulation,
        PracticeDetails practice,
        Provenance provenance) {

    public ResourceContent {
        translations = translations == null ? Map.of() : new TreeMap<>(translations);
        languages = listOrEmpty(languages);
        jurisdictions = listOrEmpty(jurisdictions);
        themes = listOrEmpty(themes);
        levels = listOrEmpty(levels);
        audiences = listOrEmpty(audiences);
        sdg4Targets = listOrEmpty(sdg4Targets);
        keywords = listOrEmpty(keywords);
    }

    /** Maps a record that passed {@link ResourceValidator}; the schema guarantees the shapes match. */
    public static ResourceContent fromValidated(JsonNode validated, ObjectMapper mapper) {
        try {
            return mapper.treeToValue(validated, ResourceContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated record did not map onto ResourceContent", e);
        }
    }

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** The publication year, when a date or year is given. */
    public Integer publishedYear() {
        return published == null ? null : Integer.valueOf(published.substring(0, 4));
    }

    /** The type-specific section, whichever type this is. */
    public Object details() {
        return switch (type) {
            case "course" -> course;
            case "tool" -> tool;
            case "policy" -> policy;
            case "regulation" -> regulation;
            case "practice" -> practice;
            default -> throw new IllegalStateException("unknown type " + type);
        };
    }
}
