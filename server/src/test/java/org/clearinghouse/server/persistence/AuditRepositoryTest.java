package org.clearinghouse.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.audit.AuditEntry;
import org.clearinghouse.server.audit.AuditEvent;
import org.clearinghouse.server.audit.RequestContext;
import org.clearinghouse.server.support.TestPostgres;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuditRepositoryTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    private AuditRepository audit;

    @BeforeEach
    void setUp() {
        POSTGRES.truncate();
        audit = new AuditRepository(POSTGRES.database().dsl(), Json.mapper());
    }

    @Test
    void entriesReadBackInOrderWithTheirDetail() {
        RequestContext request = new RequestContext("req-1", "192.0.2.7");
        audit.append(AuditEvent.anonymous("auth.failure", "account", "amina", request, Map.of("reason", "bad password")));
        audit.append(new AuditEvent(7L, "moderator", "revision.approve", "resource", "r-1", "req-2", "192.0.2.8", Map.of("n", 3)));

        List<AuditEntry> all = audit.list(AuditRepository.Filter.all(), 0, 10);
        assertEquals(2, all.size());
        AuditEntry failure = all.get(0);
        assertEquals("auth.failure", failure.action());
        assertEquals(null, failure.actorId());
        assertEquals("amina", failure.targetId());
        assertEquals("req-1", failure.requestId());
        assertEquals("192.0.2.7", failure.clientAddress());
        assertEquals(Map.of("reason", "bad password"), failure.detail());
        assertEquals(Map.of("n", 3), all.get(1).detail());
        assertTrue(!all.get(1).at().isBefore(failure.at()));

        assertEquals(List.of(all.get(1)), audit.list(new AuditRepository.Filter(null, "resource", "r-1", null, null), 0, 10));
        assertEquals(List.of(all.get(1)), audit.list(AuditRepository.Filter.all(), failure.id(), 10));
    }

    @Test
    void theTrailCannotBeRewrittenNorErased() {
        audit.append(AuditEvent.anonymous("auth.failure", "account", "x", RequestContext.command("test"), Map.of()));
        var dsl = POSTGRES.database().dsl();
        assertThrows(DataAccessException.class, () -> dsl.execute("update audit_log set action = 'nothing'"));
        assertThrows(DataAccessException.class, () -> dsl.execute("delete from audit_log"));
        assertEquals("auth.failure", audit.list(AuditRepository.Filter.all(), 0, 10).get(0).action());
    }
}
