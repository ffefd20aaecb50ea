package org.clearinghouse.server.audit;

import java.time.Instant;
import java.util.Map;

/** One stored line of the audit trail, as admins read it. */
public record AuditEntry(long id, Instant at, Long actorId, String actorName, String action, String targetType,
                         String targetId, String requestId, String clientAddress, Map<String, Object> detail) {
}
