package org.clearinghouse.server.audit;

import java.util.Map;
import org.clearinghouse.server.auth.Principal;

/**
 * Who a write is attributed to in the audit trail: an account, or a named non-account actor such as
 * {@code command} (the admin command line) or {@code startup} (demo accounts made at start).
 */
public record Actor(Long accountId, String name) {
    public static final Actor COMMAND = new Actor(null, "command");
    public static final Actor STARTUP = new Actor(null, "startup");

    public static Actor of(Principal principal) {
        return new Actor(principal.accountId(), principal.username());
    }

    public AuditEvent event(String action, String targetType, String targetId, RequestContext request,
                            Map<String, Object> detail) {
        return new AuditEvent(accountId, name, action, targetType, targetId, request.requestId(), request.clientAddress(), detail);
    }
}
