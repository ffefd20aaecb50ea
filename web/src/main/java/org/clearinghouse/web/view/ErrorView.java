package org.clearinghouse.web.view;

/** An error page: not found, gone (withdrawn) or a refused parameter. */
public record ErrorView(PageMeta page, int status, String heading, String message) {
}
