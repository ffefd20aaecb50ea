package org.clearinghouse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.clearinghouse.server.config.AppConfig;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.Records;
import org.junit.jupiter.api.Test;

/** The embedded default, as a newcomer runs it: data written before a restart is there after it. */
class RestartTest {
    private static final String TOKEN = "restart-token-0123456789";

    @Test
    void aSubmissionSurvivesARestartOfTheEmbeddedDefault() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "restart-");
        AppConfig config = AppConfig.fromEnv(Map.of("PORT", "0", "CLEARINGHOUSE_DATA_DIR", dataDir.toString(),
                "CLEARINGHOUSE_BOOTSTRAP_TOKEN", TOKEN));
        String location;
        int seeded;
        try (Application first = Application.start(config)) {
            Http http = new Http(first.port());
            Http.Response created = http.post("/api/v1/resources",
                    Records.course("Survives restarts", "https://example.org/survives").toString(),
                    "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
            assertEquals(201, created.status(), created.body());
            location = created.header("Location");
            seeded = http.get("/api/v1/resources?limit=100").json().path("results").size();
        }
        try (Application second = Application.start(config)) {
            Http http = new Http(second.port());
            Http.Response read = http.get(location, "Authorization", "Bearer " + TOKEN);
            assertEquals(200, read.status());
            assertEquals("Survives restarts", read.json().path("title").asText());
            assertEquals("pending", read.json().path("status").asText());
            assertEquals(seeded, http.get("/api/v1/resources?limit=100").json().path("results").size());
        }
    }
}
