package org.clearinghouse.indexer;

import java.util.List;
import java.util.Map;

/**
 * One record in a result list.
 *
 * @param title           in the request language when the record has that translation, else in the original
 * @param summary         likewise; a translation may give a title without a summary, so the two can differ
 * @param highlights      "title" and "summary" as HTML-safe text: everything escaped, matched terms wrapped in
 *                        {@code <mark>}
 * @param textLanguage    the language of {@code title} (for the HTML lang attribute), usually also of the summary
 * @param summaryLanguage the language of {@code summary}, which differs when a translation has a title only
 */
public record Hit(
        String id,
        String slug,
        String type,
        String title,
        String summary,
        String url,
        List<String> countries,
        List<String> languages,
        Integer year,
        Map<String, String> highlights,
        String textLanguage,
        String summaryLanguage,
        String publisher,
        String license,
        boolean open,
        List<String> themes) {
}
