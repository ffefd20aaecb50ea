package org.clearinghouse.server.catalogue;

import java.time.Instant;

/**
 * "Validated by member state": a national contact point of {@code country} reviewed this policy or regulation.
 *
 * @param by           the account's display name
 * @param organisation the national contact point's name
 */
public record Validation(String by, String organisation, String country, Instant at) {
}
