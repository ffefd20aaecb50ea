package org.clearinghouse.indexer;

/** The title and summary of a record in one language. */
public record LocalizedText(String title, String summary) {
    public LocalizedText {
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
    }
}
