package org.clearinghouse.server.search;

import java.util.List;
import java.util.Map;

/**
 * One search result: enough to show it in a list. {@code title_language} and {@code summary_language} say which
 * language each is shown in (a translation may give a title but no summary).
 */
public record ResultSummary(String id, String slug, String type, String title, String summary, String titleLanguage,
                            String summaryLanguage, String url, List<String> countries, List<String> languages, Integer year, String publisher,
                            String license, boolean open, Map<String, String> highlights) {
}
