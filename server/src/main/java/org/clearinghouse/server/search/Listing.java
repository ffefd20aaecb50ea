package org.clearinghouse.server.search;

import java.util.List;
import org.clearinghouse.server.catalogue.Resource;

/** A page of full records in listing order, with the total and the cursor of the next page (null at the end). */
public record Listing(long total, List<Resource> results, String nextCursor) {
}
