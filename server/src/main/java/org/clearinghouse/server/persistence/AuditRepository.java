package org.clearinghouse.server.persistence;

import static org.clearinghouse.server.persistence.jooq.Tables.AUDIT_LOG;
import static org.jooq.impl.DSL.noCondition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clearinghouse.server.audit.AuditEntry;
import org.clearinghouse.server.audit.AuditEvent;
import org.clearinghouse.server.persistence.jooq.tables.records.AuditLogRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * The append-only audit trail. {@link #append(DSLContext, AuditEvent)} lets other repositories write the
 * audit line inside their own transaction, so a change and its audit line commit (or roll back) together.
 */
public final class AuditRepository {
    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() { };

    private final DSLContext dsl;
    private final ObjectMapper mapper;

    public AuditRepository(DSLContext dsl, ObjectMapper mapper) {
        this.dsl = dsl;
        this.mapper = mapper;
    }

    /** Appends in a transaction of its own (authentication failures, reads that must leave a trace). */
    public void append(AuditEvent event) {
        append(dsl, event);
    }

    /** Appends inside the caller's transaction. */
    public void append(DSLContext tx, AuditEvent event) {
        tx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR_ID, event.actorId())
                .set(AUDIT_LOG.ACTOR_NAME, event.actorName())
                .set(AUDIT_LOG.ACTION, event.action())
                .set(AUDIT_LOG.TARGET_TYPE, event.targetType())
                .set(AUDIT_LOG.TARGET_ID, event.targetId())
                .set(AUDIT_LOG.REQUEST_ID, event.requestId())
                .set(AUDIT_LOG.CLIENT_ADDRESS, event.clientAddress())
                .set(AUDIT_LOG.DETAIL, json(event.detail()))
                .execute();
    }

    /** Filters for reading the trail; null fields do not filter. */
    public record Filter(String action, String targetType, String targetId, Long actorId, Instant since) {
        public static Filter all() {
            return new Filter(null, null, null, null, null);
        }
    }

    /** Entries after {@code afterId} (0: from the first), oldest first, for keyset paging. */
    public List<AuditEntry> list(Filter filter, long afterId, int limit) {
        return list(filter, null, afterId, limit);
    }

    /** As {@link #list(Filter, long, int)}, also keeping only the lines whose actor name is {@code actorName} (if given). */
    public List<AuditEntry> list(Filter filter, String actorName, long afterId, int limit) {
        return dsl.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.ID.gt(afterId))
                .and(actorName == null ? noCondition() : AUDIT_LOG.ACTOR_NAME.eq(actorName))
                .and(filter.action() == null ? noCondition() : AUDIT_LOG.ACTION.eq(filter.action()))
                .and(filter.targetType() == null ? noCondition() : AUDIT_LOG.TARGET_TYPE.eq(filter.targetType()))
                .and(filter.targetId() == null ? noCondition() : AUDIT_LOG.TARGET_ID.eq(filter.targetId()))
                .and(filter.actorId() == null ? noCondition() : AUDIT_LOG.ACTOR_ID.eq(filter.actorId()))
                .and(filter.since() == null ? noCondition() : AUDIT_LOG.AT.ge(filter.since().atOffset(java.time.ZoneOffset.UTC)))
                .orderBy(AUDIT_LOG.ID)
                .limit(limit)
                .fetch(this::toEntry);
    }

    private AuditEntry toEntry(AuditLogRecord r) {
        return new AuditEntry(r.getId(), r.getAt().toInstant(), r.getActorId(), r.getActorName(), r.getAction(),
                r.getTargetType(), r.getTargetId(), r.getRequestId(), r.getClientAddress(), detail(r.getDetail()));
    }

    private JSONB json(Map<String, Object> detail) {
        try {
            return JSONB.valueOf(mapper.writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> detail(JSONB json) {
        try {
            return json == null ? Map.of() : mapper.readValue(json.data(), DETAIL);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
