package org.clearinghouse.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.clearinghouse.server.catalogue.Resource;

/** One page of a listing; {@code next_cursor} is always present, null on the last page. */
record ListingResponse(List<Resource> results, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
