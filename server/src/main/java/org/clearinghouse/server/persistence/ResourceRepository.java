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

    /**
     * What the search index reads of each published record, for the full rebuild: the columns the index
     * uses. Reading and mapping every column (timestamps, provenance, validation) cost the rebuild's single
     * feeding thread about a fifth of the rebuild's CPU time.
     */
    private static final List<org.jooq.Field<?>> INDEXED = List.of(RESOURCE.ID, RESOURCE.SLUG, RESOURCE.STATUS, RESOURCE.TYPE,
            RESOURCE.TITLE, RESOURCE.SUMMARY, RESOURCE.ORIGINAL_LANGUAGE, RESOURCE.TRANSLATIONS, RESOURCE.URL, RESOURCE.PUBLISHER,
            RESOURCE.LICENSE, RESOURCE.PUBLISHED, RESOURCE.LANGUAGES, RESOURCE.JURISDICTIONS, RESOURCE.REGIONS, RESOURCE.THEMES,
            RESOURCE.LEVELS, RESOURCE.AUDIENCES, RESOURCE.KEYWORDS, RESOURCE.DETAILS, RESOURCE.CHANGE_SEQ, RESOURCE.VERSION);

    /**
     * The same records as {@link #publishedAfter}, with only what the search index reads: their provenance,
     * SDG 4 targets, validation, organisation and timestamps are left out (null or empty). For indexing only.
     */
    public List<Resource> publishedForIndex(UUID after, int limit) {
        return dsl.select(INDEXED).from(RESOURCE)
                .where(RESOURCE.STATUS.eq(Status.PUBLISHED))
                .and(after == null ? noCondition() : RESOURCE.ID.gt(after))
                .orderBy(RESOURCE.ID).limit(limit).fetch(r -> toResource(r.into(RESOURCE)));
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
            record.setVersion(1L);
            record.setCreatedAt(now);
            fill(record, resource.content(), resource.regions(), now, nextChangeSeq(tx));
            record.setSeedChecksum(resource.seedChecksum());
            record.insert();
            return toResource(record);
        });
    }

    /** Rows per multi-row INSERT of {@link #insertAll}: about 30 columns each, well under PostgreSQL's 32,767 bind parameters. */
    private static final int BULK_ROWS = 500;

    /**
     * Bulk insert (imports, the benchmark): all the records in one transaction, written with one multi-row
     * INSERT per {@value #BULK_ROWS} records. Like every write it takes its change sequences from the counter
     * (one update reserves a block, and its row lock orders this commit with every other writer), so the
     * index follows these records like any other change. Returns how many were inserted.
     */
    public int insertAll(List<NewResource> resources) {
        if (resources.isEmpty()) {
            return 0;
        }
        return write(tx -> {
            long last = tx.update(CHANGE_COUNTER).set(CHANGE_COUNTER.VALUE, CHANGE_COUNTER.VALUE.plus(resources.size()))
                    .returning(CHANGE_COUNTER.VALUE).fetchSingle().getValue();
            long seq = last - resources.size();
            OffsetDateTime now = now();
            List<ResourceRecord> records = new java.util.ArrayList<>(resources.size());
            for (NewResource resource : resources) {
                ResourceRecord record = tx.newRecord(RESOURCE);
                record.setId(resource.id());
                record.setSlug(resource.slug());
                record.setStatus(resource.status());
                record.setVersion(1L);
                record.setCreatedAt(now);
                fill(record, resource.content(), resource.regions(), now, ++seq);
                record.setSeedChecksum(resource.seedChecksum());
                records.add(record);
            }
            for (int from = 0; from < records.size(); from += BULK_ROWS) {
                tx.insertInto(RESOURCE).columns(RESOURCE.fields())
                        .valuesOfRecords(records.subList(from, Math.min(records.size(), from + BULK_ROWS)))
                        .execute();
            }
            return records.size();
        });
    }

    /** Overwrites a seed record's content in place (the seed file changed); keeps id, slug and creation time. */
    public Resource replaceSeedContent(UUID id, ResourceContent content, List<String> regions, String seedChecksum) {
        return write(tx -> {
            ResourceRecord record = tx.selectFrom(RESOURCE).where(RESOURCE.ID.eq(id)).forUpdate().fetchSingle();
            fill(record, content, regions, now(), nextChangeSeq(tx));
            record.setSeedChecksum(seedChecksum);
            record.setVersion(record.getVersion() + 1); // what the version trigger writes
            record.update();
            return toResource(record);
        });
    }

    /** Replaces a record's content and sets its state (imports); keeps id, slug and creation time. */
    public Resource replaceContent(UUID id, ResourceContent content, List<String> regions, String status) {
        return write(tx -> {
            ResourceRecord record = tx.selectFrom(RESOURCE).where(RESOURCE.ID.eq(id)).forUpdate().fetchOptional()
                    .orElseThrow(() -> new NotFoundException("no resource with id " + id));
            fill(record, content, regions, now(), nextChangeSeq(tx));
            record.setStatus(status);
            record.setVersion(record.getVersion() + 1); // what the version trigger writes
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
            record.setVersion(record.getVersion() + 1); // what the version trigger writes
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

    // ---- OAI-PMH harvesting: records in datestamp (updated_at, id) order, filtered as a harvester asks ----

    /**
     * What a harvest selects: records in one of {@code statuses}, changed in [{@code from}, {@code untilExclusive})
     * (either bound may be null), of {@code type} (null: any), concerning {@code jurisdiction} (null: any), and,
     * when {@code withJurisdiction}, concerning at least one jurisdiction.
     */
    public record HarvestFilter(List<String> statuses, Instant from, Instant untilExclusive, String type,
                                String jurisdiction, boolean withJurisdiction) {
        public HarvestFilter {
            statuses = List.copyOf(statuses);
        }
    }

    /**
     * One page of a harvest: the records after ({@code afterUpdatedAt}, {@code afterId}) in (updated_at, id)
     * order (both null: from the start). A record changed during a harvest moves to its end, so it is seen again
     * rather than missed.
     */
    public List<Resource> harvestPage(HarvestFilter filter, Instant afterUpdatedAt, UUID afterId, int limit) {
        org.jooq.Condition after = afterUpdatedAt == null ? noCondition()
                : org.jooq.impl.DSL.row(RESOURCE.UPDATED_AT, RESOURCE.ID).gt(utc(afterUpdatedAt), afterId);
        return dsl.selectFrom(RESOURCE).where(harvestCondition(filter)).and(after)
                .orderBy(RESOURCE.UPDATED_AT, RESOURCE.ID).limit(limit).fetch(this::toResource);
    }

    /** How many records a harvest selects in all. */
    public int harvestCount(HarvestFilter filter) {
        return dsl.fetchCount(RESOURCE, harvestCondition(filter));
    }

    /** The oldest last-change time among records in these statuses; empty when there are none. */
    public Optional<Instant> earliestUpdatedAt(List<String> statuses) {
        return dsl.select(org.jooq.impl.DSL.min(RESOURCE.UPDATED_AT)).from(RESOURCE).where(RESOURCE.STATUS.in(statuses))
                .fetchOptional(0, OffsetDateTime.class).map(OffsetDateTime::toInstant);
    }

    /** The distinct types of the records in these statuses, sorted. */
    public List<String> typesIn(List<String> statuses) {
        return dsl.selectDistinct(RESOURCE.TYPE).from(RESOURCE).where(RESOURCE.STATUS.in(statuses))
                .orderBy(RESOURCE.TYPE).fetch(RESOURCE.TYPE);
    }

    /** The distinct jurisdiction codes (countries and bodies) of the records in these statuses, sorted. */
    public List<String> jurisdictionsIn(List<String> statuses) {
        org.jooq.Field<String> code = org.jooq.impl.DSL.field("unnest({0})", String.class, RESOURCE.JURISDICTIONS).as("code");
        return dsl.selectDistinct(code).from(RESOURCE).where(RESOURCE.STATUS.in(statuses)).fetch(code).stream()
                .sorted().toList();
    }

    private static org.jooq.Condition harvestCondition(HarvestFilter filter) {
        org.jooq.Condition condition = RESOURCE.STATUS.in(filter.statuses());
        if (filter.from() != null) {
            condition = condition.and(RESOURCE.UPDATED_AT.ge(utc(filter.from())));
        }
        if (filter.untilExclusive() != null) {
            condition = condition.and(RESOURCE.UPDATED_AT.lt(utc(filter.untilExclusive())));
        }
        if (filter.type() != null) {
            condition = condition.and(RESOURCE.TYPE.eq(filter.type()));
        }
        if (filter.jurisdiction() != null) {
            condition = condition.and(RESOURCE.JURISDICTIONS.contains(new String[] {filter.jurisdiction()}));
        }
        if (filter.withJurisdiction()) {
            condition = condition.and(org.jooq.impl.DSL.cardinality(RESOURCE.JURISDICTIONS).gt(0));
        }
        return condition;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    // ---- stable identifiers, feeds and sitemaps: slug history, withdrawal time, published locations ----

    private static final org.clearinghouse.server.persistence.jooq.tables.ResourceSlugHistory SLUG_HISTORY =
            org.clearinghouse.server.persistence.jooq.Tables.RESOURCE_SLUG_HISTORY;
    private static final java.util.regex.Pattern SLUG_SHAPE = java.util.regex.Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Where a published record lives, for sitemaps: its slug and when it last changed. */
    public record ResourceLocation(UUID id, String slug, Instant updatedAt) {
    }

    /**
     * Gives a record a new slug and remembers the old one, in one transaction, so the old URL keeps answering
     * (301 to the new one) for good. Taking back one of the record's own former slugs is allowed; a slug that is
     * or was another record's is a {@link ConflictException}. Bumps the change sequence (the index holds slugs).
     */
    public Resource renameSlug(UUID id, String newSlug) {
        if (newSlug == null || newSlug.length() < 3 || newSlug.length() > 120 || !SLUG_SHAPE.matcher(newSlug).matches()) {
            throw new IllegalArgumentException("not a slug: '" + newSlug + "' (3 to 120 of a-z, 0-9 and single hyphens)");
        }
        return write(tx -> {
            ResourceRecord record = tx.selectFrom(RESOURCE).where(RESOURCE.ID.eq(id)).forUpdate().fetchOptional()
                    .orElseThrow(() -> new NotFoundException("no resource with id " + id));
            String oldSlug = record.getSlug();
            if (oldSlug.equals(newSlug)) {
                return toResource(record);
            }
            OffsetDateTime now = now();
            tx.deleteFrom(SLUG_HISTORY).where(SLUG_HISTORY.SLUG.eq(newSlug)).and(SLUG_HISTORY.RESOURCE_ID.eq(id)).execute();
            tx.insertInto(SLUG_HISTORY).set(SLUG_HISTORY.SLUG, oldSlug).set(SLUG_HISTORY.RESOURCE_ID, id)
                    .set(SLUG_HISTORY.REPLACED_AT, now).execute();
            record.setSlug(newSlug);
            record.setUpdatedAt(now);
            record.setChangeSeq(nextChangeSeq(tx));
            record.setVersion(record.getVersion() + 1); // what the version trigger writes
            record.update();
            return toResource(record);
        });
    }

    /** The record that gave up {@code slug}, if one ever did. */
    public Optional<UUID> formerOwnerOfSlug(String slug) {
        return dsl.select(SLUG_HISTORY.RESOURCE_ID).from(SLUG_HISTORY).where(SLUG_HISTORY.SLUG.eq(slug))
                .fetchOptional(SLUG_HISTORY.RESOURCE_ID);
    }

    /** The slugs a record gave up, oldest first. */
    public List<String> formerSlugs(UUID id) {
        return dsl.select(SLUG_HISTORY.SLUG).from(SLUG_HISTORY).where(SLUG_HISTORY.RESOURCE_ID.eq(id))
                .orderBy(SLUG_HISTORY.REPLACED_AT, SLUG_HISTORY.SLUG).fetch(SLUG_HISTORY.SLUG);
    }

    /** True when {@code slug} is a record's current slug or was one's before: it cannot be given to another. */
    public boolean slugTaken(String slug) {
        return dsl.fetchExists(RESOURCE, RESOURCE.SLUG.eq(slug)) || dsl.fetchExists(SLUG_HISTORY, SLUG_HISTORY.SLUG.eq(slug));
    }

    /** When a withdrawn record was withdrawn; empty when the record is not withdrawn (or does not exist). */
    public Optional<Instant> withdrawnAt(UUID id) {
        return dsl.select(RESOURCE.WITHDRAWN_AT).from(RESOURCE).where(RESOURCE.ID.eq(id))
                .and(RESOURCE.STATUS.eq(Status.WITHDRAWN)).fetchOptional(RESOURCE.WITHDRAWN_AT).map(OffsetDateTime::toInstant);
    }

    /**
     * The {@code limit} most recently changed published records, newest change first (updated_at, then id,
     * descending); only among {@code ids} when it is not null.
     */
    public List<Resource> latestPublished(java.util.Collection<UUID> ids, int limit) {
        if (ids != null && ids.isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(RESOURCE).where(RESOURCE.STATUS.eq(Status.PUBLISHED))
                .and(ids == null ? noCondition() : RESOURCE.ID.eq(org.jooq.impl.DSL.any(ids.toArray(new UUID[0]))))
                .orderBy(RESOURCE.UPDATED_AT.desc(), RESOURCE.ID.desc()).limit(limit).fetch(this::toResource);
    }

    /** Published records' locations in id order, skipping the first {@code offset}: one sitemap's worth. */
    public List<ResourceLocation> publishedLocations(int offset, int limit) {
        return dsl.select(RESOURCE.ID, RESOURCE.SLUG, RESOURCE.UPDATED_AT).from(RESOURCE)
                .where(RESOURCE.STATUS.eq(Status.PUBLISHED)).orderBy(RESOURCE.ID).offset(offset).limit(limit)
                .fetch(r -> new ResourceLocation(r.value1(), r.value2(), instant(r.value3())));
    }

    /** The last change among the published records {@link #publishedLocations} would return for these bounds. */
    public Optional<Instant> publishedLocationsLastChanged(int offset, int limit) {
        org.jooq.Table<?> part = dsl.select(RESOURCE.UPDATED_AT).from(RESOURCE).where(RESOURCE.STATUS.eq(Status.PUBLISHED))
                .orderBy(RESOURCE.ID).offset(offset).limit(limit).asTable("part");
        return dsl.select(org.jooq.impl.DSL.max(part.field(RESOURCE.UPDATED_AT.getName(), OffsetDateTime.class))).from(part)
                .fetchOptional().map(r -> r.value1()).map(OffsetDateTime::toInstant);
    }

    /** Each jurisdiction code of published records, with the last change among its records, sorted by code. */
    public Map<String, Instant> publishedJurisdictionsLastChanged() {
        org.jooq.Field<String> code = org.jooq.impl.DSL.field("unnest({0})", String.class, RESOURCE.JURISDICTIONS).as("code");
        org.jooq.Table<?> codes = dsl.select(code, RESOURCE.UPDATED_AT).from(RESOURCE)
                .where(RESOURCE.STATUS.eq(Status.PUBLISHED)).asTable("codes");
        org.jooq.Field<String> c = codes.field("code", String.class);
        org.jooq.Field<OffsetDateTime> updated = codes.field(RESOURCE.UPDATED_AT.getName(), OffsetDateTime.class);
        Map<String, Instant> result = new java.util.TreeMap<>();
        dsl.select(c, org.jooq.impl.DSL.max(updated)).from(codes).groupBy(c)
                .fetch().forEach(r -> result.put(r.value1(), instant(r.value2())));
        return result;
    }

    // The counter row's lock is held until commit, so sequences become visible in the order they were issued.
    static long nextChangeSeq(DSLContext tx) {
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

    static RuntimeException translate(DataAccessException e) {
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

    void fill(ResourceRecord record, ResourceContent content, List<String> regions, OffsetDateTime now, long seq) {
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
    static OffsetDateTime now() {
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

    Resource toResource(ResourceRecord r) {
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
                r.getSdg4Targets() == null ? List.of() : List.of(r.getSdg4Targets()), List.of(r.getKeywords()),
                type.equals("course") ? read(r.getDetails(), CourseDetails.class) : null,
                type.equals("tool") ? read(r.getDetails(), ToolDetails.class) : null,
                type.equals("policy") ? read(r.getDetails(), PolicyDetails.class) : null,
                type.equals("regulation") ? read(r.getDetails(), RegulationDetails.class) : null,
                type.equals("practice") ? read(r.getDetails(), PracticeDetails.class) : null,
                read(r.getProvenance(), Provenance.class));
        org.clearinghouse.server.catalogue.Validation validation = r.getValidatedAt() == null ? null
                : new org.clearinghouse.server.catalogue.Validation(r.getValidatedByName(), r.getValidatedOrganisation(),
                        r.getValidatedCountry(), instant(r.getValidatedAt()));
        return new Resource(r.getId(), r.getSlug(), r.getStatus(), content, List.of(r.getRegions()),
                instant(r.getCreatedAt()), instant(r.getUpdatedAt()), r.getChangeSeq(), r.getOrganisationId(), validation,
                r.getVersion());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
