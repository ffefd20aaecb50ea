package org.clearinghouse.server.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A catalogue record as stored: the contributor's content plus the catalogue's bookkeeping.
 *
 * @param organisationId the submitting organisation; null for seed records and the operator's imports
 * @param validation     the "validated by member state" mark, when a national contact point gave it
 * @param version        counts every write to the record or its revisions: the ETag of optimistic concurrency
 */
@JsonPropertyOrder({"id", "slug", "status"})
public record Resource(
        UUID id,
        String slug,
        String status,
        @JsonUnwrapped ResourceContent content,
        List<String> regions,
        Instant createdAt,
        Instant updatedAt,
        long changeSeq,
        Long organisationId,
        Validation validation,
        @JsonIgnore long version) {

    /** A record with no owner, no validation mark and version 1 (as first stored). */
    public Resource(UUID id, String slug, String status, ResourceContent content, List<String> regions,
                    Instant createdAt, Instant updatedAt, long changeSeq) {
        this(id, slug, status, content, regions, createdAt, updatedAt, changeSeq, null, null, 1);
    }

    @JsonIgnore
    public boolean isPublished() {
        return Status.PUBLISHED.equals(status);
    }

    /** The strong entity tag of this state of the record (and of its revisions). */
    @JsonIgnore
    public String etag() {
        return "\"v" + version + "\"";
    }
}
