package org.clearinghouse.web.graphics;

import java.util.Objects;

/**
 * Finished, escaped SVG markup, safe to embed unescaped in an HTML page (for example jte's
 * {@code $unsafe{svg.markup()}}): every text that came from a caller has been escaped for XML.
 * Contains no {@code style} attribute and no script, so a strict Content-Security-Policy allows it.
 */
public record Svg(String markup) {

    public Svg {
        Objects.requireNonNull(markup, "markup");
    }

    @Override
    public String toString() {
        return markup;
    }
}
