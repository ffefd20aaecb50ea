package org.clearinghouse.server.catalogue;

/** Where a curated record's facts were taken from, and when they were last checked. */
public record Provenance(String sourceUrl, String checked) {
}
