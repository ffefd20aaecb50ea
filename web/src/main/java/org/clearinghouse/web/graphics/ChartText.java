package org.clearinghouse.web.graphics;

import java.util.Objects;

/**
 * The texts of a chart, localised by the caller.
 *
 * @param id          unique on the page; prefixes the ids of the title and description
 * @param title       short title, such as "Records per region"
 * @param description what the chart shows; the values follow it in the chart's text alternative
 * @param locale      formats the numbers
 */
public record ChartText(String id, String title, String description, java.util.Locale locale) {

    public ChartText {
        Xml.id(id);
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(locale, "locale");
    }
}
