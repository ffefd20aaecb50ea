package org.clearinghouse.server.oai;

import java.util.List;

/** A request the protocol answers with one or more {@code <error>} elements (still HTTP 200). */
final class OaiException extends RuntimeException {
    private final transient List<OaiError> errors;

    OaiException(List<OaiError> errors) {
        super(errors.get(0).code().xml() + ": " + errors.get(0).message(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    OaiException(OaiError.Code code, String message) {
        this(List.of(new OaiError(code, message)));
    }

    List<OaiError> errors() {
        return errors;
    }

    /** badVerb and badArgument answers echo the base URL only, without the request's arguments (section 3.2). */
    boolean echoesArguments() {
        return errors.stream().noneMatch(e -> e.code() == OaiError.Code.BAD_VERB || e.code() == OaiError.Code.BAD_ARGUMENT);
    }
}
