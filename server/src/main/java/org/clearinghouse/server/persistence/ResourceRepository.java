package org.clearinghouse.server.persistence;

import static org.clearinghouse.server.persistence.jooq.Tables.CHANGE_COUNTER;
import static org.clearinghouse.server.persistence.jooq.Tables.RESOURCE;
import static org.jooq.impl.DSL.noCondition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.catalogue.CourseDetails;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.catalogue.PolicyDetails;
import org.clearinghouse.server.catalogue.PracticeDetails;
import org.clearinghouse.server.catalogue.Provenance;
import org.clearinghouse.server.catalogue.RegulationDetails;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.catalogue.ToolDetails;
import org.clearinghouse.server.catalogue.Translation;
import org.clearinghouse.server.catalogue.UrlKey;
import org.clearinghouse.server.persistence.jooq.tables.records.ResourceRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;

/** Stores and reads catalogue records; jOOQ stays inside, callers get plain records. */
public final class ResourceRepository {
    private static final TypeReference<Map<String, Translation>> TRANSLATIONS = new TypeReference<>() { };
    private static final String UNIQUE_VIOLATION = "23505";

    private final DSLContext dsl;
    private final ObjectMapper mapper;

    public ResourceRepository(DSLContext dsl, ObjectMapper mapper) {
        this.dsl = dsl;
        this.mapper = mapper;
    }

    public Optional<Resource> findById(UUID id) {
        return dsl.selectFrom(RESOURCE).where(RESOURCE.ID.eq(id)).fetchOptional().map(this::toResource);
    }

    public Optional<Resource> findBySlug(String slug) {
        return dsl.selectFrom(RESOURCE).where(RESOURCE.SLUG.eq(slug)).fetchOptional().map(this::toResource);
    }

    public Optional<Resource> findByUrl(String url) {
        return dsl.selectFrom(RESOURCE).where(RESOURCE.URL_KEY.eq(UrlKey.of(url))).fetchOptional().map(this::toResource);
    }

    public boolean slugExists(String slug) {
        return dsl.fetchExists(RESOURCE, RESOURCE.SLUG.eq(slug));
    }

    /** Records changed after {@code sequence}, oldest change first: what an index must apply to catch up. */
    public List<Resource> changedSince(long sequence, int limit) {
        return dsl.selectFrom(RESOURCE).where(RESOURCE.CHANGE_SEQ.gt(sequence))
                .orderBy(RESOURCE.CHANGE_SEQ).limit(limit).fetch(this::toResource);
    }

    /** Published records with an id after {@code after} (null: from the start), in id order. */
    public List<Resource> publishedAfter(UUID after, int limit) {
        return dsl.selectFrom(RESOURCE)
                .where(RESOURCE.STATUS.eq(Status.PUBLISHED))
                .and(after == null ? noCondition() : RESOURCE.ID.gt(after))
                .orderBy(RESOURCE.ID).limit(limit).fetch(this::toResource);
    }

    /** The records with these ids, in the order given; ids not found are skipped. */
    public List<Resource> findByIds(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Resource> byId = dsl.selectFrom(RESOURCE).where(RESOURCE.ID.in(ids)).fetch(this::toResource)
                .stream().collect(java.util.stream.Collectors.toMap(Resource::id, r -> r));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    public Resource insert(NewResource resource) {
        return write(tx -> {
            ResourceRecord record = tx.newRecord(RESOURCE);
            OffsetDateTime now = now();
            record.setId(resource.id());
            record.setSlug(resource.slug());
            record.setStatus(resource.status());
            record.setCreatedAt(now);
            fill(record, resource.content(), resource.regions(), now, nextChangeSeq(tx));
            record.setSeedChecksum(resource.seedChecksum());
            record.insert();
            return toResource(record);
        });
    }

    /** Overwrites a seed record's content in place (the seed file changed); keeps id, slug and creation time. */
    public Resource replaceSeedContent(UUID id, ResourceContent content, List<String> regions, String seedChecksum) {
        return write(tx -> {
            ResourceRecord record = tx.selectFrom(RESOURCE).where(RESOURCE.ID.eq(id)).forUpdate().fetchSingle();
            fill(record, content, regions, now(), nextChangeSeq(tx));
            record.setSeedChecksum(seedChecksum);
            record.update();
            return toResource(record);
        });
    }

    /** Moves a record to another moderation state, as a new change the index will follow. */
    public Resource changeStatus(UUID id, String status) {
        return write(tx -> {
            ResourceRecord record = tx.selectFrom(RESOURCE).where(RESOURCE.ID.eq(id)).forUpdate().fetchOptional()
                    .orElseThrow(() -> new NotFoundException("no resource with id " + id));
            record.setStatus(status);
            record.setUpdatedAt(now());
            record.setChangeSeq(nextChangeSeq(tx));
            record.update();
            return toResource(record);
        });
    }

    public Optional<String> seedChecksum(UUID id) {
        return dsl.select(RESOURCE.SEED_CHECKSUM).from(RESOURCE).where(RESOURCE.ID.eq(id)).fetchOptional(RESOURCE.SEED_CHECKSUM);
    }

    public int countByStatus(String status) {
        return dsl.fetchCount(RESOURCE, RESOURCE.STATUS.eq(status));
    }

    /** The highest change sequence issued so far. */
    public long lastChangeSeq() {
        return dsl.select(CHANGE_COUNTER.VALUE).from(CHANGE_COUNTER).fetchSingle(CHANGE_COUNTER.VALUE);
    }

    // The counter row's lock is held until commit, so sequences become visible in the order they were issued.
    private static long nextChangeSeq(DSLContext tx) {
        return tx.update(CHANGE_COUNTER).set(CHANGE_COUNTER.VALUE, CHANGE_COUNTER.VALUE.plus(1))
                .returning(CHANGE_COUNTER.VALUE).fetchSingle().getValue();
    }

    private <T> T write(Function<DSLContext, T> work) {
        try {
            return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
        } catch (DataAccessException e) {
            throw translate(e);
        }
    }

    private RuntimeException translate(DataAccessException e) {
        PSQLException cause = e.getCause(PSQLException.class);
        if (cause != null && UNIQUE_VIOLATION.equals(cause.getSQLState()) && cause.getServerErrorMessage() != null) {
            String constraint = String.valueOf(cause.getServerErrorMessage().getConstraint());
            if (constraint.equals("resource_url_key_key")) {
                return new ConflictException("url", "a record with this URL already exists", null);
            }
            if (constraint.equals("resource_slug_key")) {
                return new ConflictException("slug", "a record with this slug already exists", null);
            }
            if (constraint.equals("resource_pkey")) {
                return new ConflictException("id", "a record with this id already exists", null);
            }
        }
        return e;
    }

    private void fill(ResourceRecord record, ResourceContent content, List<String> regions, OffsetDateTime now, long seq) {
        record.setType(content.type());
        record.setTitle(content.title());
        record.setSummary(content.summary());
        record.setOriginalLanguage(content.originalLanguage());
        record.setUrl(content.url());
        record.setUrlKey(UrlKey.of(content.url()));
        record.setPublisher(content.publisher());
        record.setLicense(content.license());
        record.setPublished(content.published());
        record.setPublishedYear(content.publishedYear());
        record.setPublishedSort(sortKey(content.published()));
        record.setLanguages(array(content.languages()));
        record.setJurisdictions(array(content.jurisdictions()));
        record.setRegions(array(regions));
        record.setThemes(array(content.themes()));
        record.setLevels(array(content.levels()));
        record.setAudiences(array(content.audiences()));
        record.setSdg4Targets(array(content.sdg4Targets()));
        record.setKeywords(array(content.keywords()));
        record.setTranslations(json(content.translations()));
        record.setDetails(json(content.details()));
        record.setProvenance(content.provenance() == null ? null : json(content.provenance()));
        record.setUpdatedAt(now);
        record.setChangeSeq(seq);
    }

    // PostgreSQL keeps microseconds; so does what we hand back, so a record equals itself read again.
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    // Listing order lives in the index now; the column keeps a sortable form for SQL consumers (benchmarks, exports).
    private static String sortKey(String published) {
        return published == null ? "" : published;
    }

    private static String[] array(List<String> values) {
        return values.toArray(new String[0]);
    }

    private JSONB json(Object value) {
        try {
            return JSONB.valueOf(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }

    private <T> T read(JSONB json, Class<T> type) {
        try {
            return json == null ? null : mapper.readValue(json.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not match " + type.getSimpleName(), e);
        }
    }

    private Resource toResource(ResourceRecord r) {
        String type = r.getType();
        Map<String, Translation> translations;
        try {
            translations = mapper.readValue(r.getTranslations().data(), TRANSLATIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored translations are not valid", e);
        }
        ResourceContent content = new ResourceContent(type, r.getTitle(), r.getSummary(), r.getOriginalLanguage(),
                translations, r.getUrl(), List.of(r.getLanguages()), List.of(r.getJurisdictions()), r.getPublisher(),
                r.getLicense(), r.getPublished(), List.of(r.getThemes()), List.of(r.getLevels()), List.of(r.getAudiences()),
                List.of(r.getSdg4Targets()), List.of(r.getKeywords()),
                type.equals("course") ? read(r.getDetails(), CourseDetails.class) : null,
                type.equals("tool") ? read(r.getDetails(), ToolDetails.class) : null,
                type.equals("policy") ? read(r.getDetails(), PolicyDetails.class) : null,
                type.equals("regulation") ? read(r.getDetails(), RegulationDetails.class) : null,
                type.equals("practice") ? read(r.getDetails(), PracticeDetails.class) : null,
                read(r.getProvenance(), Provenance.class));
        return new Resource(r.getId(), r.getSlug(), r.getStatus(), content, List.of(r.getRegions()),
                instant(r.getCreatedAt()), instant(r.getUpdatedAt()), r.getChangeSeq());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
