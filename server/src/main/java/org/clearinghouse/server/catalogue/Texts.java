package org.clearinghouse.server.catalogue;

/** Shortens user-supplied text before it is echoed in an error message. */
public final class Texts {
    private Texts() {
    }

    public static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
