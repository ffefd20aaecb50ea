package org.clearinghouse.server.catalogue;

/** A record's title and summary in another language, and who made the translation. */
public record Translation(String title, String summary, String source) {
}
