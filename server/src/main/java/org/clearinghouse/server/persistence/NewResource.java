package org.clearinghouse.server.persistence;

import java.util.List;
import java.util.UUID;
import org.clearinghouse.server.catalogue.ResourceContent;

/** A record about to be stored for the first time; {@code seedChecksum} is set only for seed records. */
public record NewResource(UUID id, String slug, String status, ResourceContent content, List<String> regions,
                          String seedChecksum) {
}
