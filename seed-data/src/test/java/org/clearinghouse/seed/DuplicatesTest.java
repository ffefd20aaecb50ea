package org.clearinghouse.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URL and title normalisation and the title similarity used to find records entered twice. */
class DuplicatesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://example.org/a/b                                    | example.org/a/b",
        "http://www.example.org/a/b/                                | example.org/a/b",
        "https://WWW.Example.ORG/A/b#section-2                      | example.org/A/b",
        "https://example.org/                                       | example.org",
        "https://example.org                                        | example.org",
        "https://example.org/a?utm_source=x&id=7&UTM_Medium=y&fbclid=z | example.org/a?id=7",
        "https://example.org/a/?gclid=abc                           | example.org/a",
        "https://example.org/a?lang=fr&page=2#top                   | example.org/a?lang=fr&page=2",
        "https://www2.example.org/a                                 | www2.example.org/a"})
    void urlIsNormalised(String url, String normalised) {
        assertEquals(normalised, Duplicates.normaliseUrl(url));
    }

    @Test
    void titleIsNormalised() {
        assertEquals("l education a l ere de l ia", Duplicates.normaliseTitle("  L'Éducation à l'ère de l'IA ! "));
        assertEquals("ley 25 326 de proteccion de los datos personales",
                Duplicates.normaliseTitle("Ley 25.326 de Protección de los Datos Personales"));
        assertEquals("中华人民共和国个人信息保护法", Duplicates.normaliseTitle("中华人民共和国个人信息保护法"));
    }

    @Test
    void similarityIsOneMinusEditDistanceOverTheLongerLength() {
        assertEquals(1.0, Duplicates.similarity("ai for everyone", "ai for everyone"));
        assertEquals(1.0 - 1.0 / 15, Duplicates.similarity("ai for everyone", "ai for evryone"), 1e-12);
        assertEquals(0.8, Duplicates.similarity("ai for teachers", "ai for learners"), 1e-12);
        assertEquals(3, Duplicates.levenshtein("kitten".codePoints().toArray(), "sitting".codePoints().toArray()));
    }

    @Test
    void nearIdenticalMeansEqualOrSimilarityOfAtLeastNinetyPercent() {
        assertTrue(Duplicates.nearIdentical("ai for everyone", "ai for evryone"));
        assertTrue(Duplicates.nearIdentical("the data protection act 2019", "the data protection act 2021"));
        assertFalse(Duplicates.nearIdentical("ai for teachers", "ai for learners"));
        assertFalse(Duplicates.nearIdentical("ai for everyone", "generative ai for everyone"));
    }
}
