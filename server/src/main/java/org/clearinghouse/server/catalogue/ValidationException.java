package org.clearinghouse.server.catalogue;

import java.util.List;

/** A submission that is well-formed JSON but breaks the schema or the vocabularies. */
public final class ValidationException extends RuntimeException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(errors.size() + " field(s) are invalid: " + errors.get(0).field() + " " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
