package org.clearinghouse.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Map;
import org.clearinghouse.server.db.Database;
import org.clearinghouse.server.vocabulary.Vocabularies;

/** Health and the vocabularies: small read-only answers. */
public final class SystemController {
    private final Database database;
    private final ObjectNode vocabulariesJson;

    public SystemController(Database database, Vocabularies vocabularies, ObjectMapper mapper) {
        this.database = database;
        this.vocabulariesJson = vocabularies.asJson(mapper);
    }

    public void health(Context ctx) {
        if (database.isUp()) {
            ctx.json(Map.of("status", "ok"));
        } else {
            throw new HttpProblem(ProblemType.SERVICE_UNAVAILABLE, "the database is not reachable");
        }
    }

    public void vocabularies(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=3600").json(vocabulariesJson);
    }
}
