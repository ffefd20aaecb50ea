package org.clearinghouse.server.oai;

import java.util.UUID;
import org.clearinghouse.server.config.OaiConfig;

/**
 * How one request reached the provider: the OAI base URL to echo, the public base of the clearinghouse (for
 * links to records) and the repository identifier used in {@code oai:<repositoryId>:<uuid>}.
 */
public record OaiEndpoint(String baseUrl, String publicBase, String repositoryId) {

    /** Where harvesters reach the configured provider and how it names items. */
    public static OaiEndpoint of(OaiConfig config) {
        return new OaiEndpoint(config.publicUrl() + "/oai", config.publicUrl(), config.repositoryId());
    }


    public String identifierOf(UUID id) {
        return "oai:" + repositoryId + ":" + id;
    }

    public String recordUrl(UUID id) {
        return publicBase + "/api/v1/resources/" + id;
    }
}
