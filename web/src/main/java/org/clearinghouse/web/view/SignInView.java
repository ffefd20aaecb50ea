package org.clearinghouse.web.view;

/** The sign-in form; {@code username} is kept after a failure, never the password. */
public record SignInView(PageMeta page, String username, String error) {
}
