package org.clearinghouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every interface language is complete: same keys as English, no empty text, no English left untranslated. */
class MessagesTest {
    /** Keys whose text may equal English in some language: names, acronyms and words borrowed unchanged. */
    private static final Set<String> SAME_AS_ENGLISH_ALLOWED = Set.of(
            "api.restTitle", "facet.type", "field.type", "facet.license", "field.license", "course.format",
            "policy.instrument", "explore.sections", "value.no");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    private final Map<Lang, Messages> all = Messages.loadAll();
    private final Messages english = all.get(Lang.EN);

    @Test
    void everyLanguageHasExactlyTheEnglishKeys() {
        for (Lang lang : Lang.values()) {
            assertEquals(english.all().keySet(), all.get(lang).all().keySet(), lang + " keys");
        }
        assertTrue(english.all().size() > 200, "the bundle is the whole interface, not a stub");
    }

    @Test
    void noTextIsEmptyOrLeftInEnglish() {
        List<String> problems = new ArrayList<>();
        for (Lang lang : Lang.values()) {
            all.get(lang).all().forEach((key, text) -> {
                if (text.isBlank()) {
                    problems.add(lang + " " + key + " is empty");
                }
                if (lang != Lang.EN && text.equals(english.t(key)) && !SAME_AS_ENGLISH_ALLOWED.contains(key)) {
                    problems.add(lang + " " + key + " is the English text: " + text);
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyTranslationKeepsThePlaceholdersOfEnglish() {
        List<String> problems = new ArrayList<>();
        english.all().forEach((key, text) -> {
            Set<String> wanted = placeholders(text);
            for (Lang lang : Lang.values()) {
                Set<String> found = placeholders(all.get(lang).t(key));
                if (!wanted.equals(found)) {
                    problems.add(lang + " " + key + " has " + found + " instead of " + wanted);
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void placeholdersAreReplacedLiterallyAndApostrophesSurvive() {
        Messages french = all.get(Lang.FR);
        assertEquals("Retirer le filtre : Type: x", french.t("search.remove", "Type: x"));
        assertEquals("Centre d'échange sur l'IA dans l'éducation", french.t("site.name"));
        assertEquals("missing.key", french.t("missing.key"));
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
