package org.clearinghouse.server.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.clearinghouse.server.Json;
import org.junit.jupiter.api.Test;

class TextHygieneTest {

    @Test
    void ordinaryTextWithTabsNewlinesAndAnyScriptIsClean() {
        assertNull(TextHygiene.problem("Line one\n\tline two\r\n人工智能 教育 😀 ﷺ"));
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreNamedWithTheirPosition() {
        assertEquals("must not contain control characters (\\u0000 at position 1)", TextHygiene.problem("a\u0000b"));
        assertEquals("must not contain control characters (\\u001b at position 0)", TextHygiene.problem("\u001b[2J"));
        assertEquals("must not contain control characters (\\u007f at position 0)", TextHygiene.problem("\u007f"));
        assertEquals("must not contain a lone surrogate (\\ud800 at position 1)", TextHygiene.problem("a\ud800b"));
        assertEquals("must not contain a lone surrogate (\\udc00 at position 0)", TextHygiene.problem("\udc00"));
    }

    @Test
    void everyOffendingValueOfATreeIsNamedByItsPath() throws Exception {
        List<FieldError> errors = new ArrayList<>();
        TextHygiene.check(Json.mapper().readTree("""
                {"title": "ok", "keywords": ["fine", "bad\\u0000"], "translations": {"fr": {"title": "\\u0007"}},
                 "n\\u0000ame": "x", "count": 3}
                """), "", errors);
        assertEquals(List.of("keywords[1]", "translations.fr.title", "(body)"), errors.stream().map(FieldError::field).toList());
    }
}
