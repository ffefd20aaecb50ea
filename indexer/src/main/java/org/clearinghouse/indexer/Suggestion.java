package org.clearinghouse.indexer;

/**
 * One autocomplete entry: either a record title (slug set) or a thesaurus label (conceptId set).
 *
 * @param language the language of {@code text}
 */
public record Suggestion(String text, String language, String slug, String conceptId) {
}
