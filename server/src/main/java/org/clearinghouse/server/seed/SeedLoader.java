package org.clearinghouse.server.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.ResourceValidator;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.persistence.NewResource;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the curated seed catalogue into the database as published records. Idempotent: a record is
 * inserted once, updated in place when its seed file changes (by checksum), and otherwise left alone, so
 * edits made in the clearinghouse to other records are never touched.
 */
public final class SeedLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SeedLoader.class);

    private final ResourceRepository repository;
    private final ResourceValidator validator;
    private final Vocabularies vocabularies;
    private final ObjectMapper mapper;

    public SeedLoader(ResourceRepository repository, ResourceValidator validator, Vocabularies vocabularies,
                      ObjectMapper mapper) {
        this.repository = repository;
        this.validator = validator;
        this.vocabularies = vocabularies;
        this.mapper = mapper;
    }

    public SeedReport load() {
        return load(SeedFiles.read());
    }

    public SeedReport load(List<SeedFile> files) {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        List<String> rejected = new ArrayList<>();
        for (SeedFile file : files) {
            Optional<String> problem = problemWith(file);
            if (problem.isPresent()) {
                rejected.add(file.name() + ": " + problem.get());
                continue;
            }
            JsonNode node = parse(file);
            UUID id = UUID.fromString(node.get("id").asText());
            String checksum = checksum(file.content());
            ResourceContent content = ResourceContent.fromValidated(node, mapper);
            List<String> regions = vocabularies.regionsOf(content.jurisdictions());
            Optional<String> stored = repository.seedChecksum(id);
            try {
                if (repository.findById(id).isEmpty()) {
                    repository.insert(new NewResource(id, node.get("slug").asText(), Status.PUBLISHED, content, regions, checksum));
                    inserted++;
                } else if (!stored.map(checksum::equals).orElse(false)) {
                    repository.replaceSeedContent(id, content, regions, checksum);
                    updated++;
                } else {
                    unchanged++;
                }
            } catch (ConflictException e) {
                rejected.add(file.name() + ": " + e.field() + " " + e.getMessage());
            }
        }
        SeedReport report = new SeedReport(inserted, updated, unchanged, rejected);
        rejected.forEach(r -> LOG.error("seed record rejected: {}", r));
        LOG.info("seed catalogue: {} inserted, {} updated, {} unchanged, {} rejected", inserted, updated, unchanged, rejected.size());
        return report;
    }

    private Optional<String> problemWith(SeedFile file) {
        JsonNode node;
        try {
            node = mapper.readTree(file.content());
        } catch (IOException e) {
            return Optional.of("not valid JSON: " + e.getMessage());
        }
        List<FieldError> errors = new ArrayList<>(validator.validate(node));
        if (!node.path("id").isTextual()) {
            errors.add(new FieldError("id", "seed records need a fixed id"));
        }
        String expectedSlug = file.name().replaceAll("^.*/|\\.json$", "");
        if (!expectedSlug.equals(node.path("slug").asText())) {
            errors.add(new FieldError("slug", "must equal the file name '" + expectedSlug + "'"));
        }
        String expectedType = file.name().contains("/") ? file.name().substring(0, file.name().indexOf('/')) : "";
        if (!expectedType.equals(node.path("type").asText())) {
            errors.add(new FieldError("type", "must equal the folder name '" + expectedType + "'"));
        }
        return errors.isEmpty() ? Optional.empty() : Optional.of(errors.toString());
    }

    private JsonNode parse(SeedFile file) {
        try {
            return mapper.readTree(file.content());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String checksum(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a load did; {@code rejected} names each file that failed validation and why. */
    public record SeedReport(int inserted, int updated, int unchanged, List<String> rejected) {
        @Override
        public String toString() {
            return inserted + " inserted, " + updated + " updated, " + unchanged + " unchanged, " + rejected.size() + " rejected";
        }
    }
}
