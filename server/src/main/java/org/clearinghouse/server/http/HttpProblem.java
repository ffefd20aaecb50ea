package org.clearinghouse.server.http;

import java.util.List;
import org.clearinghouse.server.catalogue.FieldError;

/** Raised by the HTTP layer itself (unreadable body, missing credentials) and answered as a problem. */
public final class HttpProblem extends RuntimeException {
    private final ProblemType type;
    private final List<FieldError> errors;

    public HttpProblem(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public HttpProblem(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
