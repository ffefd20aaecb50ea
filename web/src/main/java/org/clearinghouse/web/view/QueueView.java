package org.clearinghouse.web.view;

import java.util.List;

/** The moderation queue, oldest first; {@code notice} confirms the last decision. */
public record QueueView(PageMeta page, String csrf, List<QueueRow> items, String notice) {
}
