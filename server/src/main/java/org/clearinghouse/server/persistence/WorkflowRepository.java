package org.clearinghouse.server.persistence;

import static org.clearinghouse.server.persistence.jooq.Tables.ORGANISATION;
import static org.clearinghouse.server.persistence.jooq.Tables.RESOURCE;
import static org.clearinghouse.server.persistence.jooq.Tables.REVISION;
import static org.jooq.impl.DSL.noCondition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.workflow.DuplicateWarning;
import org.clearinghouse.server.workflow.QueueFilter;
import org.clearinghouse.server.workflow.QueueItem;
import org.clearinghouse.server.workflow.Revision;
import org.clearinghouse.server.workflow.Submission;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;

/** Revisions and the moderation workflow's reads; its writes go through {@link #inTransaction}. */
public final class WorkflowRepository {
    private static final TypeReference<List<DuplicateWarning>> WARNINGS = new TypeReference<>() { };
    private static final org.clearinghouse.server.persistence.jooq.tables.Revision PREVIOUS = REVISION.as("previous");

    private final DSLContext dsl;
    private final ObjectMapper mapper;
    private final ResourceRepository resources;
    private final AuditRepository audit;

    public WorkflowRepository(DSLContext dsl, ObjectMapper mapper, ResourceRepository resources, AuditRepository audit) {
        this.dsl = dsl;
        this.mapper = mapper;
        this.resources = resources;
        this.audit = audit;
    }

    /**
     * Runs {@code work} in one transaction: everything it writes, audit lines included, commits together, or
     * nothing does when it throws. Unique violations come out as {@link org.clearinghouse.server.catalogue.ConflictException}.
     */
    public <T> T inTransaction(Function<WorkflowTx, T> work) {
        try {
            return dsl.transactionResult(configuration ->
                    work.apply(new WorkflowTx(configuration.dsl(), resources, this, audit)));
        } catch (DataAccessException e) {
            throw ResourceRepository.translate(e);
        }
    }

    /** Every revision of a record, oldest first. */
    public List<Revision> revisions(UUID id) {
        return revisions(dsl, id);
    }

    List<Revision> revisions(DSLContext ctx, UUID id) {
        return ctx.select(REVISION.fields()).select(ORGANISATION.NAME).from(REVISION)
                .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(REVISION.ORGANISATION_ID))
                .where(REVISION.RESOURCE_ID.eq(id)).orderBy(REVISION.N).fetch(this::toRevision);
    }

    public Optional<Revision> revision(UUID id, int n) {
        return dsl.select(REVISION.fields()).select(ORGANISATION.NAME).from(REVISION)
                .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(REVISION.ORGANISATION_ID))
                .where(REVISION.RESOURCE_ID.eq(id)).and(REVISION.N.eq(n)).fetchOptional(this::toRevision);
    }

    /** The record an organisation knows by its own key. */
    public Optional<UUID> findByExternalId(long organisationId, String externalId) {
        return dsl.select(RESOURCE.ID).from(RESOURCE).where(RESOURCE.ORGANISATION_ID.eq(organisationId))
                .and(RESOURCE.EXTERNAL_ID.eq(externalId)).fetchOptional(RESOURCE.ID);
    }

    public Optional<String> organisationName(long id) {
        return dsl.select(ORGANISATION.NAME).from(ORGANISATION).where(ORGANISATION.ID.eq(id)).fetchOptional(ORGANISATION.NAME);
    }

    /** Pending revisions, oldest first, skipping {@code offset}. */
    public List<QueueItem> queue(QueueFilter filter, int offset, int limit) {
        Condition condition = REVISION.STATE.eq(Status.PENDING)
                .and(filter.type() == null ? noCondition() : REVISION.TYPE.eq(filter.type()))
                .and(filter.country() == null ? noCondition() : REVISION.JURISDICTIONS.contains(new String[] {filter.country()}))
                .and(filter.organisationId() == null ? noCondition() : REVISION.ORGANISATION_ID.eq(filter.organisationId()));
        return dsl.select(REVISION.fields()).select(ORGANISATION.NAME, RESOURCE.SLUG, RESOURCE.STATUS, PREVIOUS.REPLY)
                .from(REVISION)
                .join(RESOURCE).on(RESOURCE.ID.eq(REVISION.RESOURCE_ID))
                .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(REVISION.ORGANISATION_ID))
                .leftJoin(PREVIOUS).on(PREVIOUS.RESOURCE_ID.eq(REVISION.RESOURCE_ID)).and(PREVIOUS.N.eq(REVISION.N.minus(1)))
                .where(condition)
                .orderBy(REVISION.CREATED_AT, REVISION.RESOURCE_ID, REVISION.N)
                .offset(offset).limit(limit)
                .fetch(r -> {
                    Revision revision = toRevision(r);
                    String status = r.get(RESOURCE.STATUS);
                    boolean edit = Status.PUBLISHED.equals(status);
                    return new QueueItem(revision.resourceId(), r.get(RESOURCE.SLUG), status, edit, revision.n(),
                            revision.content().type(), revision.content().title(), revision.content().jurisdictions(),
                            revision.author(), revision.organisationId(), revision.organisation(), revision.createdAt(),
                            r.get(PREVIOUS.REPLY), revision.duplicateWarnings());
                });
    }

    /** Revisions by one author (or, with {@code authorId} null, by one organisation), newest first. */
    public List<Submission> submissions(Long authorId, long organisationId, int offset, int limit) {
        Condition who = authorId != null ? REVISION.AUTHOR_ID.eq(authorId) : REVISION.ORGANISATION_ID.eq(organisationId);
        return dsl.select(REVISION.fields()).select(ORGANISATION.NAME, RESOURCE.SLUG, RESOURCE.STATUS, RESOURCE.TITLE)
                .from(REVISION)
                .join(RESOURCE).on(RESOURCE.ID.eq(REVISION.RESOURCE_ID))
                .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(REVISION.ORGANISATION_ID))
                .where(who)
                .orderBy(REVISION.CREATED_AT.desc(), REVISION.RESOURCE_ID, REVISION.N.desc())
                .offset(offset).limit(limit)
                .fetch(r -> {
                    Revision revision = toRevision(r);
                    return new Submission(revision.resourceId(), r.get(RESOURCE.SLUG), revision.content().title(),
                            r.get(RESOURCE.STATUS), revision.summary());
                });
    }

    private Revision toRevision(Record r) {
        return new Revision(r.get(REVISION.RESOURCE_ID), r.get(REVISION.N), r.get(REVISION.STATE),
                read(r.get(REVISION.CONTENT), ResourceContent.class), r.get(REVISION.AUTHOR_NAME),
                r.get(REVISION.ORGANISATION_ID), r.get(ORGANISATION.NAME), instant(r.get(REVISION.CREATED_AT)),
                r.get(REVISION.DECISION), r.get(REVISION.COMMENT), r.get(REVISION.DECIDED_BY_NAME),
                instant(r.get(REVISION.DECIDED_AT)), r.get(REVISION.REPLY), instant(r.get(REVISION.REPLIED_AT)),
                r.get(REVISION.WITHDRAWN_BY_NAME), r.get(REVISION.WITHDRAWAL_COMMENT), instant(r.get(REVISION.WITHDRAWN_AT)),
                readWarnings(r.get(REVISION.DUPLICATE_WARNINGS)));
    }

    JSONB json(Object value) {
        try {
            return JSONB.valueOf(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }

    private <T> T read(JSONB json, Class<T> type) {
        try {
            return mapper.readValue(json.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not match " + type.getSimpleName(), e);
        }
    }

    private List<DuplicateWarning> readWarnings(JSONB json) {
        try {
            return json == null ? List.of() : mapper.readValue(json.data(), WARNINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored duplicate warnings are not valid", e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

}
