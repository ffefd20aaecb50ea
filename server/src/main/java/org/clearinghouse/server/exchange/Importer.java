package org.clearinghouse.server.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
    /** Fields of the API's JSON that are the catalogue's bookkeeping, not the contributor's content. */
    private static final List<String> BOOKKEEPING = List.of("status", "regions", "created_at", "updated_at", "change_seq",
            "organisation_id", "validation");

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
        try (Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            skipByteOrderMark(reader);
            if (format == ExportFormat.CSV) {
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
                List<String> missing = CsvLayout.headers().stream().filter(h -> !parser.getHeaderMap().containsKey(h)).toList();
                if (!missing.isEmpty()) {
                    throw new IllegalArgumentException("the CSV header lacks the columns " + missing);
                }
                for (CSVRecord row : parser) {
                    counter.row++;
                    if (!row.isConsistent()) {
                        counter.reject(List.of(new FieldError("(row)", "has " + row.size() + " cells, the header has "
                                + parser.getHeaderMap().size())));
                        continue;
                    }
                    importRecord(CsvLayout.fromRow(row.toMap(), mapper), counter);
                }
            } else {
                BufferedReader lines = (BufferedReader) reader;
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    counter.row++;
                    JsonNode node;
                    try {
                        node = mapper.readTree(line);
                    } catch (IOException e) {
                        counter.reject(List.of(new FieldError("(row)", "is not valid JSON")));
                        continue;
                    }
                    if (node instanceof ObjectNode object) {
                        BOOKKEEPING.forEach(object::remove);
                    }
                    importRecord(node, counter);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the import file", e);
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

    private static void skipByteOrderMark(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
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
