package org.clearinghouse.server.workflow;

import java.util.Locale;

/** What a moderator may decide about a pending revision, and the state it leads to. */
public enum Decision {
    APPROVE("published", false), REJECT("rejected", true), REQUEST_CHANGES("changes_requested", true);

    private final String state;
    private final boolean commentRequired;

    Decision(String state, boolean commentRequired) {
        this.state = state;
        this.commentRequired = commentRequired;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String state() {
        return state;
    }

    public boolean commentRequired() {
        return commentRequired;
    }
}
