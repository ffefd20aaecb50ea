package org.clearinghouse.server.auth;

import java.util.Optional;

/**
 * The authenticated account behind a request, with what authorisation decisions need about its organisation:
 * contributors act for {@code organisationId}; a national contact point may validate its country's records.
 */
public record Principal(long accountId, String username, String displayName, Role role,
                        long organisationId, String organisationKind, Optional<String> organisationCountry) {

    public boolean isNationalContactPointFor(String country) {
        return "national_contact_point".equals(organisationKind) && organisationCountry.filter(country::equals).isPresent();
    }
}
