package org.clearinghouse.server.accounts;

import java.time.Instant;
import java.util.Optional;

/** Who speaks: kind is one of ministry, national_contact_point, international_organisation, university, ngo, company. */
public record Organisation(long id, String name, String kind, Optional<String> country, Optional<String> region,
                           Instant createdAt) {
}
