package org.clearinghouse.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.ValidationException;

/**
 * Reads the fields of a small JSON object body (accounts, tokens, sessions), collecting every problem: unknown
 * fields, wrong types, missing required fields. {@link #done()} throws them all as one 422.
 */
final class JsonInput {
    private final JsonNode body;
    private final List<FieldError> errors = new ArrayList<>();

    private JsonInput(JsonNode body, Set<String> allowed) {
        this.body = body;
        if (!body.isObject()) {
            errors.add(new FieldError("", "the body must be a JSON object"));
            return;
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                errors.add(new FieldError(name, "is not a known field (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
            }
        });
    }

    static JsonInput of(JsonNode body, Set<String> allowed) {
        return new JsonInput(body, allowed);
    }

    String text(String name, boolean required) {
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            if (required && body.isObject()) {
                errors.add(new FieldError(name, "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new FieldError(name, "must be a string"));
            return null;
        }
        return value.asText();
    }

    Long number(String name, boolean required) {
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            if (required && body.isObject()) {
                errors.add(new FieldError(name, "is required"));
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            errors.add(new FieldError(name, "must be a whole number"));
            return null;
        }
        return value.asLong();
    }

    Boolean bool(String name) {
        JsonNode value = body.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(new FieldError(name, "must be true or false"));
            return null;
        }
        return value.asBoolean();
    }

    Optional<Instant> instant(String name) {
        String text = text(name, false);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a UTC date and time such as 2027-01-31T00:00:00Z"));
            return Optional.empty();
        }
    }

    void done() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
