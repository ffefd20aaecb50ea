package org.clearinghouse.server.auth;

import java.util.Locale;

/** What an account may do: contributors submit for their organisation, moderators review, admins manage. */
public enum Role {
    CONTRIBUTOR, MODERATOR, ADMIN;

    /** The code stored in the database and shown in the API. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Moderators and admins may review and publish; admins also manage organisations and accounts. */
    public boolean canModerate() {
        return this != CONTRIBUTOR;
    }
}
