package org.clearinghouse.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.clearinghouse.server.catalogue.BadParameterException;
import org.clearinghouse.server.catalogue.TextHygiene;

/** Refuses query parameters with control characters (NUL above all, which PostgreSQL cannot even compare) up front. */
final class QueryHygiene {
    private QueryHygiene() {
    }

    static void check(Context ctx) {
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            String name = parameter.getKey();
            if (TextHygiene.problem(name) != null) {
                throw new BadParameterException("(query)", "a parameter name " + TextHygiene.problem(name));
            }
            for (String value : parameter.getValue()) {
                String problem = TextHygiene.problem(value);
                if (problem != null) {
                    throw new BadParameterException(name, problem);
                }
            }
        }
    }
}
