package org.clearinghouse.indexer;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any string either gives a valid result or an InvalidQueryException, never anything else. */
class HostileQueryTest {
    @TempDir
    static Path dir;
    static IndexService index;

    static final List<String> LISTED = List.of(
            "", " ", "\"", "\"\"", "\"\"\"", "-", "--", "- -", "OR", "OR OR", "AND", "NOT", "a OR", "OR a", "-\"", "*", "**", "a*", "*a", "?", "a?b*",
            "\\", "\\\\", "\\\"", "+", "++a", "&&", "||", "!", "()", "(", ")", "[", "]", "{", "}", "[* TO *]", "{a TO b}", "^", "a^999", "~", "a~2",
            "\"a b\"~10", "title:foo", "*:*", "field:\"x\"", "/.*/", "/(a+)+$/", "/[a-z]{1,1000000}/", "(a|aa)*b", "a{1000}", ".*.*.*.*.*=.*",
            "the", "the of and to a in", "le la les des du", "el la los las", "和 的", "в и на", "في من على", "!!!", "...", "???", "—–-",
            "<script>alert(1)</script>", "'; DROP TABLE resources; --", "%00", "%s%s%s", "${jndi:ldap://x}", "{{7*7}}", "\u0000\u0001\u0002",
            "\u200b\u200c\u200d", "\u202e\u202d", "\ufeff", "\ud800", "\udc00x", "\ud83d\ude00\ud83d\ude00", "🤖 AI", "ＡＩ　教育", "ﷺ", "Z̷̢̛a̸l̵g̶o̴",
            "a".repeat(999), "a".repeat(1000), "a".repeat(10_000), "ab* ".repeat(4), "ab* ".repeat(5), "x ".repeat(24), "x ".repeat(25),
            "\"".repeat(500), "-".repeat(999), "a OR ".repeat(100), "e* f* g* h*", "\"a*\"", "-*", "-a*", "\"-a\"", "ai*".repeat(30),
            "人工智能".repeat(200), "ИИ".repeat(300), "الذكاء".repeat(150), "1e309", "-0", "NaN", "Infinity", "null", "undefined", "true",
            "\"" + "word ".repeat(190) + "\"", "\"" + "intelligence artificielle ".repeat(38) + "\"", "teachers ".repeat(24),
            "\"" + "人工智能教育政策".repeat(100) + "\"", ("a" + "\u0301".repeat(50) + " ").repeat(10));

    @BeforeAll
    static void build() throws Exception {
        index = IndexService.open(dir, Fixtures.thesaurus());
        index.rebuild(Fixtures.records().iterator());
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    static List<String> generated() {
        Random random = new Random(42);
        String alphabet = "ab \"-*ORAND()[]{}:^~?\\/!&|+.,;'`<>=%$#@éü人工ИИذكاء\u0000\u200b\ud83d\ude00\ud800\t\n";
        String[] words = {"OR", "-", "\"", "*", "teacher", "IA", "人工智能", "ИИ", "الذكاء", "a*", "-\"x", "\\", "éducation"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(i % 50 == 0 ? 2000 : 60);
            while (s.length() < length) {
                if (random.nextBoolean()) {
                    s.append(alphabet.charAt(random.nextInt(alphabet.length())));
                } else {
                    s.append(words[random.nextInt(words.length)]).append(random.nextInt(3) == 0 ? "" : " ");
                }
            }
            out.add(s.toString());
        }
        for (int i = 0; i < 100; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) random.nextInt(0x10000);
            }
            out.add(new String(chars));
        }
        return out;
    }

    @Test
    void everyQueryGivesAResultOrAnInvalidQueryException() {
        List<String> queries = new ArrayList<>(LISTED);
        queries.addAll(generated());
        int valid = 0, rejected = 0;
        for (String q : queries) {
            for (String lang : new String[] {null, "fr", "zh", "xx"}) {
                try {
                    SearchResult result = index.search(SearchRequest.builder().q(q).lang(lang).limit(5).build());
                    assertNotNull(result.hits());
                    assertTrue(result.total() >= result.hits().size());
                    valid++;
                } catch (InvalidQueryException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
                    rejected++;
                } catch (RuntimeException e) {
                    fail("query " + describe(q) + " in " + lang + " threw " + e, e);
                }
            }
        }
        assertTrue(valid > rejected, valid + " valid, " + rejected + " rejected");
    }

    @Test
    void filterValuesAndLanguagesAreData() {
        List<String> odd = List.of("\u001f", "\u001e", "a\u001fb", "", " ", "*", "\"", "x".repeat(5000), "\u0000", "EU OR 1=1", "../..", "日本");
        for (String value : odd) {
            SearchResult result = index.search(SearchRequest.builder().q(value.length() > 100 ? "robots" : value).lang(value).type(List.of(value)).country(odd).region(List.of(value))
                    .language(List.of(value)).theme(List.of(value)).level(List.of(value)).audience(List.of(value)).license(List.of(value))
                    .yearFrom(Integer.MIN_VALUE).yearTo(Integer.MAX_VALUE).build());
            assertTrue(result.total() >= 0);
        }
        assertTrue(index.search(SearchRequest.builder().yearFrom(2030).yearTo(2000).build()).hits().isEmpty());
    }

    @Test
    void suggestAndRelatedAcceptAnyInput() {
        List<String> inputs = new ArrayList<>(LISTED);
        inputs.addAll(generated().subList(0, 100));
        for (String s : inputs) {
            try {
                assertTrue(index.suggest(s, s, 10).size() <= 10);
                assertTrue(index.related(s, s, 5).isEmpty());
            } catch (RuntimeException e) {
                fail("input " + describe(s) + " threw " + e, e);
            }
        }
    }

    static String describe(String s) {
        return s.length() > 80 ? "\"" + s.substring(0, 80) + "…\" (" + s.length() + " chars)" : "\"" + s + "\"";
    }
}
