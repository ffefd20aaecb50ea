package org.clearinghouse.server.catalogue;

/** The moderation states a record moves through. */
public final class Status {
    public static final String PENDING = "pending";
    public static final String PUBLISHED = "published";
    public static final String CHANGES_REQUESTED = "changes_requested";
    public static final String REJECTED = "rejected";
    public static final String WITHDRAWN = "withdrawn";

    private Status() {
    }
}
