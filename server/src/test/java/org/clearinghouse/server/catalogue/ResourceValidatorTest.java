package org.clearinghouse.server.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.support.Records;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.junit.jupiter.api.Test;

class ResourceValidatorTest {
    private final ResourceValidator validator = new ResourceValidator(Vocabularies.load(Json.mapper()));

    private List<String> fields(ObjectNode record) {
        return validator.validate(record).stream().map(FieldError::field).distinct().toList();
    }

    private ObjectNode valid() {
        return Records.course("AI for teachers", "https://example.org/ai-teachers");
    }

    @Test
    void aValidRecordHasNoErrors() {
        assertEquals(List.of(), validator.validate(valid()));
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        ObjectNode record = valid();
        record.remove("title");
        record.remove("course");
        assertEquals(List.of("course", "title"), fields(record));
        assertEquals("is required", validator.validate(record).get(0).message());
    }

    @Test
    void unknownEnumValuesAreNamed() {
        ObjectNode record = valid();
        record.put("type", "podcast");
        ((ObjectNode) record.get("course")).put("cost", "cheap");
        assertEquals(List.of("course.cost", "type"), fields(record));
    }

    @Test
    void codesOutsideTheVocabulariesAreNamed() {
        ObjectNode record = valid();
        record.put("original_language", "xx");
        ((ArrayNode) record.get("languages")).add("zz");
        ((ArrayNode) record.get("jurisdictions")).removeAll().add("XK1").add("QQ");
        ((ArrayNode) record.get("themes")).add("astrology");
        record.put("license", "WTFPL-9");
        assertEquals(List.of("jurisdictions[0]", "jurisdictions[1]", "languages[2]", "license", "original_language", "themes[2]"),
                fields(record));
    }

    @Test
    void invalidUrlsAndDatesAreNamed() {
        ObjectNode record = valid();
        record.put("url", "javascript:alert(1)");
        record.put("published", "2023-02-30");
        assertEquals(List.of("published", "url"), fields(record));
        assertEquals("'2023-02-30' is not a real calendar date", validator.validate(record).get(0).message());
    }

    @Test
    void overLongStringsAreNamed() {
        ObjectNode record = valid();
        record.put("title", "t".repeat(301));
        record.put("summary", "s".repeat(4001));
        assertEquals(List.of("summary", "title"), fields(record));
    }

    @Test
    void aSectionOfAnotherTypeIsRefused() {
        ObjectNode record = valid();
        record.set("tool", Json.mapper().createObjectNode().put("open_source", true).put("personal_data", "no"));
        assertEquals(List.of(new FieldError("tool", "is only allowed when type is 'tool'")), validator.validate(record));
    }

    @Test
    void unknownFieldsAndWrongTypesAreNamed() {
        ObjectNode record = valid();
        record.put("colour", "blue");
        record.put("languages", "en");
        assertEquals(List.of("colour", "languages"), fields(record));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertEquals(List.of(new FieldError("(body)", "must be a JSON object")),
                validator.validate(Json.mapper().createArrayNode()));
    }
}
