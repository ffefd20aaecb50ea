package org.clearinghouse.server.catalogue;

public record RegulationDetails(String issuingAuthority, Boolean binding, String legalIdentifier, String inForceDate,
                                String status) {
}
