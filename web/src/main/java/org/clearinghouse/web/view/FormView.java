package org.clearinghouse.web.view;

import java.util.List;
import java.util.Map;

/**
 * The submit and edit form of a record. Field names are the API's JSON paths ({@code title},
 * {@code course.provider}); {@code values} hold what was typed (kept when the record is refused), {@code errors}
 * the refusals by field, shown next to each. {@code choices} are the checkbox and select options by field.
 */
public record FormView(PageMeta page, String csrf, String action, String etag, String heading,
                       Map<String, String> values, Map<String, List<Option>> choices, Map<String, String> errors,
                       String error) {

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String errorId(String field) {
        return errors.containsKey(field) ? "err-" + field.replace('.', '-') : null;
    }
}
