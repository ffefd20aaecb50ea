package org.clearinghouse.web.view;

import java.util.List;

/** The contributor area: who is signed in, their submissions, and the way to the queue for moderators. */
public record AccountView(PageMeta page, String csrf, String displayName, String organisation, String role,
                          boolean moderator, List<SubmissionRow> submissions) {
}
