package org.clearinghouse.server.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearinghouse.server.auth.Contributor;
import org.clearinghouse.server.persistence.NewResource;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.vocabulary.Vocabularies;

/** Reading and submitting catalogue records. Knows nothing of HTTP; listing and search are the index's. */
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

    public Resource submit(JsonNode body, Contributor contributor) {
        List<FieldError> errors = new ArrayList<>(validator.validate(body));
        if (body != null && body.has("id")) {
            errors.add(new FieldError("id", "is assigned by the clearinghouse and cannot be chosen"));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(FieldError::field));
            throw new ValidationException(errors);
        }
        ResourceContent content = ResourceContent.fromValidated(body, mapper);
        repository.findByUrl(content.url()).ifPresent(existing -> {
            throw new ConflictException("url", "a record with this URL already exists: " + existing.slug(), existing.slug());
        });
        UUID id = UUID.randomUUID();
        String slug = chooseSlug(body.path("slug").asText(null), content, id);
        return repository.insert(new NewResource(id, slug, Status.PENDING, content,
                vocabularies.regionsOf(content.jurisdictions()), null));
    }

    private String chooseSlug(String requested, ResourceContent content, UUID id) {
        if (requested != null) {
            if (repository.slugTaken(requested)) {
                throw new ConflictException("slug", "the slug '" + requested + "' is already taken", requested);
            }
            return requested;
        }
        String slug = Slugs.fromTitle(content.title(), content.type(), id);
        return repository.slugTaken(slug) ? Slugs.withSuffix(slug, id) : slug;
    }
}
