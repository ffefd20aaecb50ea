package org.clearinghouse.web.view;

/** One of my API tokens (never its secret); {@code revokeAction} is null once it is revoked. */
public record TokenRow(String name, String prefix, String created, String expires, String lastUsed, String revokeAction) {
}
