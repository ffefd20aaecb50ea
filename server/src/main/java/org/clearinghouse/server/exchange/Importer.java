package org.clearinghouse.server.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.ResourceValidator;
import org.clearinghouse.server.catalogue.Slugs;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.persistence.NewResource;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * Loads a CSV (the export layout) or JSON Lines file as published records: the operator's bulk path.
 * Rows match existing records by id, then by normalised URL, so a re-import updates instead of duplicating.
 * Each row is its own transaction: a crash leaves every finished row stored, and running again completes it.
 */
public final class Importer {
    private final ResourceRepository repository;
    private final ResourceValidator validator;
    private final Vocabularies vocabularies;
    private final ObjectMapper mapper;

    public Importer(ResourceRepository repository, ResourceValidator validator, Vocabularies vocabularies, ObjectMapper mapper) {
        this.repository = repository;
        this.validator = validator;
        this.vocabularies = vocabularies;
        this.mapper = mapper;
    }

    public ImportReport importFile(InputStream in, ExportFormat format) {
        Counter counter = new Counter();
        try {
            ImportRows.read(in, format, mapper, row -> {
                counter.row = row.number();
                if (row.errors().isEmpty()) {
                    importRecord(row.record(), counter);
                } else {
                    counter.reject(row.errors());
                }
            });
        } catch (org.clearinghouse.server.catalogue.ValidationException e) {
            throw new IllegalArgumentException(e.errors().get(0).message(), e);
        }
        return new ImportReport(counter.created, counter.updated, counter.unchanged, List.copyOf(counter.rejected));
    }

    private void importRecord(JsonNode record, Counter counter) {
        List<FieldError> errors = new ArrayList<>(validator.validate(record));
        if (!errors.isEmpty()) {
            counter.reject(errors);
            return;
        }
        ResourceContent content = ResourceContent.fromValidated(record, mapper);
        Optional<UUID> id = record.hasNonNull("id") ? Optional.of(UUID.fromString(record.get("id").asText())) : Optional.empty();
        Optional<Resource> existing = id.flatMap(repository::findById).or(() -> repository.findByUrl(content.url()));
        List<String> regions = vocabularies.regionsOf(content.jurisdictions());
        try {
            if (existing.isEmpty()) {
                UUID newId = id.orElseGet(UUID::randomUUID);
                String slug = record.hasNonNull("slug") ? record.get("slug").asText() : Slugs.fromTitle(content.title(), content.type(), newId);
                if (repository.slugTaken(slug)) {
                    slug = Slugs.withSuffix(slug, newId);
                }
                repository.insert(new NewResource(newId, slug, Status.PUBLISHED, content, regions, null));
                counter.created++;
            } else if (existing.get().content().equals(content) && existing.get().isPublished()) {
                counter.unchanged++;
            } else {
                repository.replaceContent(existing.get().id(), content, regions, Status.PUBLISHED);
                counter.updated++;
            }
        } catch (ConflictException e) {
            counter.reject(List.of(new FieldError(e.field(), e.getMessage())));
        }
    }

    private static final class Counter {
        long row;
        int created;
        int updated;
        int unchanged;
        final List<ImportReport.Row> rejected = new ArrayList<>();

        void reject(List<FieldError> errors) {
            rejected.add(new ImportReport.Row(row, errors));
        }
    }
}
