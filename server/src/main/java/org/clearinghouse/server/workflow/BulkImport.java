package org.clearinghouse.server.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.clearinghouse.server.audit.RequestContext;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.Ids;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.ResourceValidator;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.catalogue.ValidationException;
import org.clearinghouse.server.exchange.ExportFormat;
import org.clearinghouse.server.exchange.ImportRows;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.persistence.WorkflowRepository;

/**
 * Bulk import through the API: every row takes the submission path of its author (a contributor's rows become
 * pending revisions, a moderator's are published at once, as their single submissions are). A row matches an
 * existing record by the organisation's {@code external_id}, then by {@code id}, then by normalised URL, so
 * importing a list again updates instead of duplicating, and a row equal to what the record already holds (or
 * already proposes, in a pending revision) writes nothing. Each row is one transaction with its audit line: a
 * crash leaves every finished row stored and the rest untouched; running the same file again completes it.
 */
public final class BulkImport {
    /** Rows per import; a larger file is refused before anything is written. */
    public static final int MAX_ROWS = 10_000;

    private final WorkflowService workflow;
    private final WorkflowRepository revisions;
    private final ResourceRepository resources;
    private final ResourceValidator validator;
    private final DuplicateFinder duplicates;
    private final ObjectMapper mapper;

    public BulkImport(WorkflowService workflow, WorkflowRepository revisions, ResourceRepository resources,
                      ResourceValidator validator, DuplicateFinder duplicates, ObjectMapper mapper) {
        this.workflow = workflow;
        this.revisions = revisions;
        this.resources = resources;
        this.validator = validator;
        this.duplicates = duplicates;
        this.mapper = mapper;
    }

    /** What became of one row: {@code created}, {@code updated}, {@code unchanged} or {@code rejected} (with errors). */
    public record RowResult(long row, String outcome, UUID id, String slug, String state, List<FieldError> errors) {
    }

    /** The whole report, row by row, in file order. */
    public record Report(int rows, int created, int updated, int unchanged, int rejected, List<RowResult> results) {
    }

    /** The file has more rows than {@link #MAX_ROWS}: nothing was imported. */
    public static final class TooManyRowsException extends RuntimeException {
        public TooManyRowsException() {
            super("an import takes at most " + MAX_ROWS + " rows; split the file");
        }
    }

    /**
     * Reads the whole file first (so a file over the limit, or with a broken CSV header, writes nothing), then
     * imports row by row.
     */
    public Report run(InputStream in, ExportFormat format, Principal author, RequestContext request) {
        List<ImportRows.Row> rows = new ArrayList<>();
        ImportRows.read(in, format, mapper, row -> {
            if (rows.size() == MAX_ROWS) {
                throw new TooManyRowsException();
            }
            rows.add(row);
        });
        List<RowResult> results = new ArrayList<>(rows.size());
        for (ImportRows.Row row : rows) {
            results.add(importRow(row, author, request));
        }
        return new Report(rows.size(), count(results, "created"), count(results, "updated"), count(results, "unchanged"),
                count(results, "rejected"), List.copyOf(results));
    }

    private static int count(List<RowResult> results, String outcome) {
        return (int) results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    private RowResult importRow(ImportRows.Row row, Principal author, RequestContext request) {
        if (!row.errors().isEmpty()) {
            return rejected(row, row.errors());
        }
        JsonNode record = row.record();
        List<FieldError> errors = new ArrayList<>(validator.validate(record));
        if (!errors.isEmpty()) {
            return rejected(row, errors);
        }
        ResourceContent content = ResourceContent.fromValidated(record, mapper);
        Map<String, Object> detail = WorkflowService.detail("import_row", row.number());
        try {
            Optional<Resource> existing = match(row, record, content, author);
            if (existing.isEmpty()) {
                UUID id = UUID.randomUUID();
                String requested = record.path("slug").asText(null);
                String slug = workflow.chooseSlug(requested != null && resources.slugTaken(requested) ? null : requested, content, id);
                workflow.checkUrl(content, null);
                WorkflowService.Outcome created = workflow.create(id, slug, content, author, row.externalId(),
                        duplicates.find(content, null), "import.create", detail, request);
                return new RowResult(row.number(), "created", id, slug, created.resource().status(), List.of());
            }
            Resource resource = existing.get();
            if (content.equals(proposed(resource))) {
                return new RowResult(row.number(), "unchanged", resource.id(), resource.slug(), resource.status(), List.of());
            }
            workflow.checkUrl(content, resource.id());
            WorkflowService.Outcome updated = workflow.revise(resource.id(), content, author, null,
                    duplicates.find(content, resource.id()), null, "import.update", detail, request);
            return new RowResult(row.number(), "updated", resource.id(), resource.slug(), updated.revision().state(), List.of());
        } catch (ConflictException e) {
            return rejected(row, List.of(new FieldError(e.field(), e.getMessage())));
        } catch (ValidationException e) {
            return rejected(row, e.errors());
        }
    }

    /** The record the row is about, if it exists and the author may change it (a row about someone else's is refused). */
    private Optional<Resource> match(ImportRows.Row row, JsonNode record, ResourceContent content, Principal author) {
        Optional<Resource> found = Optional.empty();
        String field = null;
        if (row.externalId() != null) {
            found = revisions.findByExternalId(author.organisationId(), row.externalId()).flatMap(resources::findById);
            field = ImportRows.EXTERNAL_ID;
        }
        if (found.isEmpty() && record.hasNonNull("id")) {
            Optional<UUID> id = Ids.parse(record.get("id").asText());
            found = id.flatMap(resources::findById);
            if (found.isEmpty()) {
                throw new ValidationException(List.of(new FieldError("id",
                        "no record has this id: leave id empty to create a record")));
            }
            field = "id";
        }
        if (found.isEmpty()) {
            found = resources.findByUrl(content.url());
            field = "url";
        }
        if (found.isPresent()) {
            Resource resource = found.get();
            if (!author.role().canModerate() && !WorkflowService.owns(author, resource)) {
                throw new ConflictException(field, "matches " + resource.slug() + ", a record of "
                        + (resource.organisationId() == null ? "the catalogue" : "another organisation")
                        + ": your organisation cannot change it", resource.isPublished() ? resource.slug() : null);
            }
            if (Status.WITHDRAWN.equals(resource.status()) || Status.REJECTED.equals(resource.status())) {
                throw new ConflictException("status", "matches " + resource.slug() + ", which is " + resource.status()
                        + " and takes no new revisions", null);
            }
        }
        return found;
    }

    /** What the record holds or, when a revision of it awaits a decision, what that revision proposes. */
    private ResourceContent proposed(Resource resource) {
        List<Revision> history = revisions.revisions(resource.id());
        if (!history.isEmpty()) {
            Revision latest = history.get(history.size() - 1);
            if (Status.PENDING.equals(latest.state()) || Status.CHANGES_REQUESTED.equals(latest.state())) {
                return latest.content();
            }
        }
        return resource.content();
    }

    private static RowResult rejected(ImportRows.Row row, List<FieldError> errors) {
        return new RowResult(row.number(), "rejected", null, null, null, List.copyOf(errors));
    }
}
