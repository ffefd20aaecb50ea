package org.clearinghouse.server.http;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.clearinghouse.server.identifiers.Permalinks;

/**
 * The RFC 9457 answer for a withdrawn record (410 Gone): which record it was and when it was withdrawn, so a
 * link that once worked explains itself instead of looking broken.
 */
public record WithdrawnProblem(String type, String title, int status, String detail, String instance, String id,
                               String slug, String resourceTitle, Instant withdrawnAt, String requestId) {
    public static final String TYPE = Problem.TYPE_BASE + "gone";

    static WithdrawnProblem of(Permalinks.Gone gone, String instance, String requestId) {
        Instant when = gone.withdrawnAt() == null ? null : gone.withdrawnAt().truncatedTo(ChronoUnit.SECONDS);
        String title = gone.resource().content().title();
        return new WithdrawnProblem(TYPE, "The resource was withdrawn", 410,
                "'" + title + "' was withdrawn from the catalogue" + (when == null ? "" : " on " + when.toString().substring(0, 10))
                        + "; it is no longer listed, searched or harvested.",
                instance, gone.resource().id().toString(), gone.resource().slug(), title, when, requestId);
    }
}
