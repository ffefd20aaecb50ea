package org.clearinghouse.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.clearinghouse.server.catalogue.Resource;

/** One page of a listing: the total, full records, and {@code next_cursor} (always present, null on the last page). */
record ListingResponse(long total, List<Resource> results, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
