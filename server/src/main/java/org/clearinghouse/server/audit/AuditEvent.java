package org.clearinghouse.server.audit;

import java.util.Map;
import org.clearinghouse.server.auth.Principal;

/**
 * One line of the audit trail about to be written. {@code actorId}/{@code actorName} are null for anonymous
 * events (a failed login names the attempted username in {@code detail}, never the password).
 * Actions are dotted verbs: {@code auth.failure}, {@code resource.submit}, {@code revision.approve}, ...
 */
public record AuditEvent(Long actorId, String actorName, String action, String targetType, String targetId,
                         String requestId, String clientAddress, Map<String, Object> detail) {

    public AuditEvent {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }

    public static AuditEvent by(Principal actor, String action, String targetType, String targetId,
                                RequestContext request, Map<String, Object> detail) {
        return new AuditEvent(actor.accountId(), actor.username(), action, targetType, targetId,
                request.requestId(), request.clientAddress(), detail);
    }

    public static AuditEvent anonymous(String action, String targetType, String targetId,
                                       RequestContext request, Map<String, Object> detail) {
        return new AuditEvent(null, null, action, targetType, targetId, request.requestId(), request.clientAddress(), detail);
    }
}
