package org.clearinghouse.server.persistence;

import java.util.List;

/** Published records of some types and jurisdictions, newest first, after a cursor position. */
public record ListingQuery(List<String> types, List<String> countries, int limit, ListingCursor after) {
}
