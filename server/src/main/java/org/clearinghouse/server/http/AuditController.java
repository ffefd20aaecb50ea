package org.clearinghouse.server.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clearinghouse.server.audit.AuditEntry;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.catalogue.BadParameterException;
import org.clearinghouse.server.persistence.AuditRepository;

/**
 * {@code GET /api/v1/audit} (admins): the audit trail oldest first, filtered by {@code action}, {@code target_type},
 * {@code target_id}, {@code actor} (an account id, or a name such as {@code command}) and {@code since}; keyset
 * paging with {@code after} (the last id seen; the answer's {@code next_after}) and {@code limit} (1–500, default 100).
 */
public final class AuditController {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final AuditRepository audit;
    private final Authentication authentication;

    public AuditController(AuditRepository audit, Authentication authentication) {
        this.audit = audit;
        this.authentication = authentication;
    }

    public void list(Context ctx) {
        authentication.requireRole(ctx, Role.ADMIN);
        String actor = text(ctx, "actor");
        boolean actorIsId = actor != null && actor.matches("\\d{1,18}");
        AuditRepository.Filter filter = new AuditRepository.Filter(text(ctx, "action"), text(ctx, "target_type"),
                text(ctx, "target_id"), actorIsId ? Long.valueOf(actor) : null, since(ctx));
        long after = number(ctx, "after", 0, Long.MAX_VALUE, 0);
        int limit = (int) number(ctx, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        List<AuditEntry> entries = audit.list(filter, actorIsId ? null : actor, after, limit);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("entries", entries);
        answer.put("next_after", entries.size() == limit ? entries.get(entries.size() - 1).id() : null);
        ctx.json(answer);
    }

    private static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > 200) {
            throw new BadParameterException(name, "must be at most 200 characters");
        }
        return value;
    }

    private static long number(Context ctx, String name, long min, long max, long fallback) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < min || parsed > max) {
                throw new BadParameterException(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "must be a whole number");
        }
    }

    private static Instant since(Context ctx) {
        String value = text(ctx, "since");
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException("since", "must be a UTC date and time such as 2026-11-23T00:00:00Z");
        }
    }
}
