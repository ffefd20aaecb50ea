package org.clearinghouse.seed;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How two records are recognised as the same resource: by normalised URL, or by near-identical titles.
 *
 * <p>Title similarity is the normalised Levenshtein similarity {@code 1 - distance / max(length)} over the
 * code points of the normalised titles (lower case, accents stripped, every run of punctuation or spaces made
 * one space). It is chosen over token Jaccard because the usual way a resource gets entered twice is a
 * slightly different spelling of the same title, which a character measure sees and a word-set measure does
 * not (for a three-word title, one misspelt word drops Jaccard to 0.5). Titles are near-identical when they
 * are equal after normalisation or their similarity is at least {@link #TITLE_SIMILARITY_THRESHOLD}.
 */
final class Duplicates {
    static final double TITLE_SIMILARITY_THRESHOLD = 0.9;

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Duplicates() {
    }

    /**
     * The URL without scheme, {@code www.}, fragment, trailing slashes and tracking parameters
     * ({@code utm_*}, {@code fbclid}, {@code gclid}), with a lower-case host; other query parameters are kept
     * in their order. {@code https://www.Example.org/a/?utm_source=x#top} becomes {@code example.org/a}.
     */
    static String normaliseUrl(String url) {
        String rest = SCHEME.matcher(url.trim()).replaceFirst("");
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String query = "";
        int question = rest.indexOf('?');
        if (question >= 0) {
            query = rest.substring(question + 1);
            rest = rest.substring(0, question);
        }
        int slash = rest.indexOf('/');
        String host = (slash >= 0 ? rest.substring(0, slash) : rest).toLowerCase(Locale.ROOT);
        String path = slash >= 0 ? rest.substring(slash) : "";
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : query.split("&")) {
            String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!parameter.isEmpty() && !name.startsWith("utm_") && !name.equals("fbclid") && !name.equals("gclid")) {
                kept.add(parameter);
            }
        }
        return host + path + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /** Lower case, accents stripped (NFKD, combining marks removed), punctuation and spaces collapsed to one space. */
    static String normaliseTitle(String title) {
        String decomposed = MARKS.matcher(Normalizer.normalize(title, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** Whether two already normalised titles are equal or at least {@link #TITLE_SIMILARITY_THRESHOLD} similar. */
    static boolean nearIdentical(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        // The distance is at least the difference in length: skip pairs that cannot reach the threshold.
        int shorter = Math.min(a.codePointCount(0, a.length()), b.codePointCount(0, b.length()));
        int longer = Math.max(a.codePointCount(0, a.length()), b.codePointCount(0, b.length()));
        return (double) shorter / longer >= TITLE_SIMILARITY_THRESHOLD && similarity(a, b) >= TITLE_SIMILARITY_THRESHOLD;
    }

    /** Normalised Levenshtein similarity in [0, 1] of two already normalised titles; 1 when equal. */
    static double similarity(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int longest = Math.max(x.length, y.length);
        return longest == 0 ? 1.0 : 1.0 - (double) levenshtein(x, y) / longest;
    }

    static int levenshtein(int[] x, int[] y) {
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }
}
