package org.clearinghouse.server.catalogue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.UUID;

/** Human-readable, URL-safe names derived from titles. */
public final class Slugs {
    static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    /**
     * The title's Latin letters and digits, folded and hyphenated; titles with too few (Arabic, Chinese, …)
     * fall back on the type and the start of the id, so every record gets a usable slug.
     */
    public static String fromTitle(String title, String type, UUID id) {
        String folded = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (folded.length() > MAX_LENGTH) {
            folded = folded.substring(0, MAX_LENGTH).replaceAll("-[^-]*$", "");
        }
        return folded.length() < 3 ? type + "-" + id.toString().substring(0, 8) : folded;
    }

    public static String withSuffix(String slug, UUID id) {
        return slug + "-" + id.toString().substring(0, 8);
    }
}
