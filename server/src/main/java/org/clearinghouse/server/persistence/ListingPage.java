package org.clearinghouse.server.persistence;

import java.util.List;
import org.clearinghouse.server.catalogue.Resource;

/** One page of a listing; {@code next} is absent on the last page. */
public record ListingPage(List<Resource> items, ListingCursor next) {
}
