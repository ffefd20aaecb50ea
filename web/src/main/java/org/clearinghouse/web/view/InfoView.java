package org.clearinghouse.web.view;

/** A page of text (About, API): only the frame varies; {@code origin} is the site's public URL for examples. */
public record InfoView(PageMeta page, String origin) {
}
