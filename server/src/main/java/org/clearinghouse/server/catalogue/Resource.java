package org.clearinghouse.server.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A catalogue record as stored: the contributor's content plus the catalogue's bookkeeping. */
@JsonPropertyOrder({"id", "slug", "status"})
public record Resource(
        UUID id,
        String slug,
        String status,
        @JsonUnwrapped ResourceContent content,
        List<String> regions,
        Instant createdAt,
        Instant updatedAt,
        long changeSeq) {

    @JsonIgnore
    public boolean isPublished() {
        return Status.PUBLISHED.equals(status);
    }
}
