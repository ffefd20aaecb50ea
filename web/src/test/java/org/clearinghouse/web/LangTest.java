package org.clearinghouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LangTest {
    @Test
    void theBestSupportedLanguageOfAcceptLanguageWins() {
        assertEquals(Lang.FR, Lang.negotiate("fr-CA,fr;q=0.9,en;q=0.8"));
        assertEquals(Lang.AR, Lang.negotiate("de-DE, ar;q=0.7, en;q=0.5"));
        assertEquals(Lang.ZH, Lang.negotiate("zh-Hans-CN"));
        assertEquals(Lang.RU, Lang.negotiate("en;q=0.2, ru;q=0.9"));
        assertEquals(Lang.ES, Lang.negotiate("es-419, fr"), "ties go to the first range");
    }

    @Test
    void anythingElseIsEnglish() {
        assertEquals(Lang.EN, Lang.negotiate(null));
        assertEquals(Lang.EN, Lang.negotiate(""));
        assertEquals(Lang.EN, Lang.negotiate("de, pt-BR;q=0.9"));
        assertEquals(Lang.EN, Lang.negotiate("fr;q=0, *;q=0.1"));
        assertEquals(Lang.EN, Lang.negotiate("fr;q=abc"));
        assertEquals(Lang.EN, Lang.negotiate(";;;,,,"));
    }

    @Test
    void onlyArabicIsRightToLeft() {
        for (Lang lang : Lang.values()) {
            assertEquals(lang == Lang.AR ? "rtl" : "ltr", lang.dir(), lang.code());
        }
    }
}
