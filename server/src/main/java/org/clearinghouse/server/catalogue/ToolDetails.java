package org.clearinghouse.server.catalogue;

import java.util.List;

public record ToolDetails(String sourceCodeUrl, Boolean openSource, List<String> platforms, Boolean offlineCapable,
                          String personalData, Integer minimumAge) {
}
