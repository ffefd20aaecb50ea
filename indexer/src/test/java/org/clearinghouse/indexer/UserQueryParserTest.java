package org.clearinghouse.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clearinghouse.indexer.UserQuery.Atom;
import org.clearinghouse.indexer.UserQuery.Group;
import org.clearinghouse.indexer.UserQuery.Kind;
import org.junit.jupiter.api.Test;

class UserQueryParserTest {
    static String show(String query) {
        StringBuilder out = new StringBuilder();
        for (Group g : UserQueryParser.parse(query).groups()) {
            out.append(out.length() > 0 ? " " : "").append(g.excluded() ? "-" : "");
            List<String> atoms = g.atoms().stream().map(UserQueryParserTest::show).toList();
            out.append(atoms.size() > 1 ? "(" + String.join("|", atoms) + ")" : atoms.get(0));
        }
        return out.toString();
    }

    static String show(Atom a) {
        return switch (a.kind()) {
            case WORD -> a.text();
            case PHRASE -> "\"" + a.text() + "\"";
            case PREFIX -> a.text() + "*";
        };
    }

    @Test
    void readsWordsPhrasesExclusionsAlternativesAndPrefixes() {
        assertEquals("teachers \"generative AI\" -chatbot (policy|strategy) educat*", show("teachers \"generative AI\" -chatbot policy OR strategy educat*"));
        assertEquals("-\"machine learning\" ai", show("-\"machine learning\" ai"));
    }

    @Test
    void forgivesBrokenSyntax() {
        assertEquals("\"unbalanced phrase\"", show("\"unbalanced phrase"));
        assertEquals("(a|b)", show("OR a OR - b OR"));
        assertEquals("a", show("a -"));
        assertEquals("a b", show("a** b"));
        assertEquals("ab* c", show("ab** c"));
        assertEquals("x", show("x*"));
        assertEquals("", show("* ** \"\" - OR"));
        assertEquals("(a|b|c)", show("a OR b OR OR c"));
        assertEquals("a -b", show("a OR -b"));
        assertEquals("title:foo AND (bar^2)~", show("title:foo AND (bar^2)~"));
    }

    @Test
    void keepsOffsetsOfWordsForRewriting() {
        Atom atom = UserQueryParser.parse("  -x  teachers").groups().get(1).atoms().get(0);
        assertEquals(6, atom.start());
        assertEquals(14, atom.end());
        assertEquals(Kind.WORD, atom.kind());
    }

    @Test
    void controlCharactersAndLoneSurrogatesBecomeSpaces() {
        assertEquals("a b c", show("a\u0000b\ud800c"));
        assertEquals("\ud83d\ude00", show("\ud83d\ude00"));
    }

    @Test
    void limitsLengthTermsAndPrefixes() {
        InvalidQueryException tooLong = assertThrows(InvalidQueryException.class, () -> UserQueryParser.parse("a".repeat(1001)));
        assertTrue(tooLong.getMessage().contains("too long"));
        InvalidQueryException tooMany = assertThrows(InvalidQueryException.class, () -> UserQueryParser.parse("w ".repeat(25)));
        assertTrue(tooMany.getMessage().contains("too many terms"));
        InvalidQueryException prefixes = assertThrows(InvalidQueryException.class, () -> UserQueryParser.parse("ab* cd* ef* gh* ij*"));
        assertTrue(prefixes.getMessage().contains("prefix"));
        assertEquals(24, UserQueryParser.parse("w ".repeat(24)).groups().size());
    }
}
