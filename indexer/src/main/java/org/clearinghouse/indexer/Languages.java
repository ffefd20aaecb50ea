package org.clearinghouse.indexer;

import java.util.Locale;

/** Language codes as the index uses them: lower-case primary subtags. */
final class Languages {
    private Languages() {
    }

    /** "pt-BR" and "ZH_hans" become "pt" and "zh"; anything that is not a language code becomes null. */
    static String normalize(String lang) {
        if (lang == null) {
            return null;
        }
        String primary = lang.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }

    /** The brief's rule: Arabic script means ar, Cyrillic ru, Han zh, anything else en. */
    static String detect(String text) {
        int arabic = 0, cyrillic = 0, han = 0, other = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            switch (Character.UnicodeScript.of(cp)) {
                case ARABIC -> arabic++;
                case CYRILLIC -> cyrillic++;
                case HAN -> han++;
                default -> other++;
            }
        }
        int max = Math.max(Math.max(arabic, cyrillic), Math.max(han, other));
        if (max == 0 || max == other) {
            return "en";
        }
        return max == arabic ? "ar" : max == cyrillic ? "ru" : "zh";
    }

    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}
