package org.clearinghouse.web.graphics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ColourScaleTest {

    private static List<String> labels(long max) {
        ColourScale scale = ColourScale.upTo(max);
        NumberFormat format = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        List<String> labels = new ArrayList<>();
        for (int k = 1; k <= scale.classes(); k++) {
            labels.add(scale.label(k, format));
        }
        return labels;
    }

    @Test
    void smallMaximaGetOneClassPerValue() {
        assertEquals(List.of("1"), labels(1));
        assertEquals(List.of("1", "2", "3"), labels(3));
        assertEquals(List.of("1", "2", "3", "4", "5"), labels(5));
    }

    @Test
    void largerMaximaGetRoundGeometricBounds() {
        assertEquals(List.of("1", "2–4", "5–6"), labels(6));
        assertEquals(List.of("1", "2–4", "5–9", "10–12"), labels(12));
        assertEquals(List.of("1–4", "5–19", "20–49", "50–199", "200–1,000"), labels(1000));
        assertEquals(List.of("1–4", "5–19", "20–99", "100–499", "500–2,300"), labels(2300));
    }

    @Test
    void countsFallInTheirClassAndFewerClassesUseTheDarkEnd() {
        ColourScale scale = ColourScale.upTo(1000);
        assertEquals(1, scale.classOf(1));
        assertEquals(1, scale.classOf(4));
        assertEquals(2, scale.classOf(5));
        assertEquals(4, scale.classOf(199));
        assertEquals(5, scale.classOf(200));
        assertEquals(5, scale.classOf(1000));
        assertEquals("#c6dbef", scale.colour(1));
        assertEquals("#08519c", scale.colour(5));

        ColourScale two = ColourScale.upTo(2);
        assertEquals("#3182bd", two.colour(1));
        assertEquals("#08519c", two.colour(2));
        assertThrows(IllegalArgumentException.class, () -> scale.classOf(0));
        assertThrows(IllegalArgumentException.class, () -> ColourScale.upTo(0));
    }
}
