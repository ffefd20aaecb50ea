package org.clearinghouse.server.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.vocabulary.Vocabularies;

/** Reading catalogue records (submitting is {@code WorkflowService}'s). Knows nothing of HTTP; listing and search are the index's. */
public final class CatalogueService {
    private final ResourceRepository repository;
    private final ResourceValidator validator;
    private final Vocabularies vocabularies;
    private final ObjectMapper mapper;

    public CatalogueService(ResourceRepository repository, ResourceValidator validator, Vocabularies vocabularies,
                            ObjectMapper mapper) {
        this.repository = repository;
        this.validator = validator;
        this.vocabularies = vocabularies;
        this.mapper = mapper;
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
