package org.clearinghouse.web.view;

/**
 * A record in a list. {@code titleHtml} and {@code summaryHtml} are markup the server made safe (escaped text,
 * or the search's escaped highlights with {@code <mark>}); every other field is plain text.
 */
public record ResourceCard(String href, String typeLabel, String titleHtml, String titleLang, String summaryHtml,
                           String summaryLang, String meta) {
}
