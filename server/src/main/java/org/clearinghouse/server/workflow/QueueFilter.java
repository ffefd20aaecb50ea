package org.clearinghouse.server.workflow;

/** The moderation queue's filters; null fields do not filter. */
public record QueueFilter(String type, String country, Long organisationId) {
}
