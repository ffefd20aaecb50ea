package org.clearinghouse.server.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearinghouse.server.auth.Contributor;
import org.clearinghouse.server.persistence.ListingCursor;
import org.clearinghouse.server.persistence.ListingPage;
import org.clearinghouse.server.persistence.ListingQuery;
import org.clearinghouse.server.persistence.NewResource;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.vocabulary.Vocabularies;

/** Reading and submitting catalogue records. Knows nothing of HTTP. */
public final class CatalogueService {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final int MAX_FILTER_VALUES = 50;

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
        Optional<Resource> found = parseUuid(idOrSlug).map(repository::findById)
                .orElseGet(() -> idOrSlug.length() <= 200 ? repository.findBySlug(idOrSlug) : Optional.empty());
        return found.filter(r -> r.isPublished() || viewerIsContributor)
                .orElseThrow(() -> new NotFoundException("no resource with id or slug '" + Texts.abbreviate(idOrSlug) + "'"));
    }

    public ListingPage list(List<String> types, List<String> countries, String limit, String cursor) {
        checkCodes("type", types, vocabularies.codes("types"));
        List<String> upperCountries = countries.stream().map(c -> c.trim().toUpperCase(java.util.Locale.ROOT)).toList();
        for (String country : upperCountries) {
            if (!vocabularies.isJurisdiction(country)) {
                throw new BadParameterException("country", "'" + Texts.abbreviate(country)
                        + "' is neither an ISO 3166-1 alpha-2 country code nor a known regional or international body");
            }
        }
        checkCount("country", upperCountries);
        ListingCursor after = cursor == null || cursor.isBlank() ? null : ListingCursor.decode(cursor)
                .orElseThrow(() -> new BadParameterException("cursor", "is not a cursor issued by this API; start again without it"));
        return repository.listPublished(new ListingQuery(types, upperCountries, parseLimit(limit), after));
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
            if (repository.slugExists(requested)) {
                throw new ConflictException("slug", "the slug '" + requested + "' is already taken", requested);
            }
            return requested;
        }
        String slug = Slugs.fromTitle(content.title(), content.type(), id);
        return repository.slugExists(slug) ? Slugs.withSuffix(slug, id) : slug;
    }

    private static int parseLimit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", got '" + Texts.abbreviate(limit) + "'");
    }

    private static void checkCodes(String parameter, List<String> values, java.util.Set<String> allowed) {
        checkCount(parameter, values);
        for (String value : values) {
            if (!allowed.contains(value)) {
                throw new BadParameterException(parameter, "'" + Texts.abbreviate(value) + "' is not one of " + allowed);
            }
        }
    }

    private static void checkCount(String parameter, List<String> values) {
        if (values.size() > MAX_FILTER_VALUES) {
            throw new BadParameterException(parameter, "at most " + MAX_FILTER_VALUES + " values may be given");
        }
    }

    private static Optional<UUID> parseUuid(String text) {
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
