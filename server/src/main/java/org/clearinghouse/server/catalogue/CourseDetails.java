package org.clearinghouse.server.catalogue;

public record CourseDetails(String provider, String format, Double durationHours, String level, String cost, String certificate) {
}
