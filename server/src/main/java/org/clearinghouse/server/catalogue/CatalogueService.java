package org.clearinghouse.server.catalogue;

import java.util.Optional;
import org.clearinghouse.server.persistence.ResourceRepository;

/** Reading catalogue records (submitting is {@code WorkflowService}'s). Knows nothing of HTTP; listing and search are the index's. */
public final class CatalogueService {
    private final ResourceRepository repository;

    public CatalogueService(ResourceRepository repository) {
        this.repository = repository;
    }

    /**
     * A record by id or slug. Records that are not published exist only for contributors: everyone else
     * gets the same answer as for a record that never existed.
     */
    public Resource get(String idOrSlug, boolean viewerIsContributor) {
        Optional<Resource> found = Ids.parse(idOrSlug).map(repository::findById)
                .orElseGet(() -> idOrSlug.length() <= 200 ? repository.findBySlug(idOrSlug) : Optional.empty());
        return found.filter(r -> r.isPublished() || viewerIsContributor)
                .orElseThrow(() -> new NotFoundException("no resource with id or slug '" + Texts.abbreviate(idOrSlug) + "'"));
    }
}
