package org.clearinghouse.web.view;

import java.util.List;

/**
 * My API tokens: the list, the form to create one, and {@code newSecret}, set only on the answer that created it
 * (shown once). {@code name}, {@code expires} and {@code errors} come back after a refused creation.
 */
public record TokensView(PageMeta page, String csrf, List<TokenRow> tokens, String newSecret, String name,
                         String expires, java.util.Map<String, String> errors) {
}
