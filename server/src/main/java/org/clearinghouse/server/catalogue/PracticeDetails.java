package org.clearinghouse.server.catalogue;

public record PracticeDetails(String context, String scaleReached, String outcomes, String evidenceType) {
}
