package org.clearinghouse.server.catalogue;

public record PolicyDetails(String issuingBody, String instrumentType, String status, String adoptionDate) {
}
