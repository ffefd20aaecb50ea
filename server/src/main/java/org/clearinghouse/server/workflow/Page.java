package org.clearinghouse.server.workflow;

import java.util.List;

/** One page of a list; {@code nextCursor} is null on the last. */
public record Page<T>(List<T> results, String nextCursor) {
}
