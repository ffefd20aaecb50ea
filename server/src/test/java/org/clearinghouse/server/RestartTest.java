package org.clearinghouse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clearinghouse.server.accounts.Account;
import org.clearinghouse.server.accounts.ApiTokens;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.config.AppConfig;
import org.clearinghouse.server.db.Database;
import org.clearinghouse.server.persistence.AccountRepository;
import org.clearinghouse.server.persistence.TokenRepository;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.Records;
import org.junit.jupiter.api.Test;

/** The embedded default, as a newcomer runs it: data written before a restart is there after it. */
class RestartTest {

    @Test
    void aSubmissionSurvivesARestartOfTheEmbeddedDefault() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "restart-");
        AppConfig config = AppConfig.fromEnv(Map.of("PORT", "0", "CLEARINGHOUSE_DATA_DIR", dataDir.toString()));
        String location;
        int seeded;
        String bearer;
        List<AutoCloseable> owned = new ArrayList<>();
        Database database = Application.openDatabase(config, owned);
        AccountRepository accounts = new AccountRepository(database.dsl());
        Account account = accounts.createAccount(accounts.createOrganisation("Restart ministry", "ministry", "KE", null).id(),
                "amina", "Amina", null, Role.CONTRIBUTOR, "!no-password");
        bearer = "Bearer " + new ApiTokens(new TokenRepository(database.dsl()), Clock.systemUTC())
                .issue(account.id(), "restart", Optional.empty()).secret();
        try (Application first = Application.start(config, database, owned)) {
            Http http = new Http(first.port());
            Http.Response created = http.post("/api/v1/resources",
                    Records.course("Survives restarts", "https://example.org/survives").toString(),
                    "Authorization", bearer, "Content-Type", "application/json");
            assertEquals(201, created.status(), created.body());
            location = created.header("Location");
            seeded = http.get("/api/v1/resources?limit=100").json().path("results").size();
            // A first start builds the suggester in the background.
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (http.get("/api/v1/suggest?q=beij").json().path("suggestions").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        try (Application second = Application.start(config)) {
            Http http = new Http(second.port());
            Http.Response read = http.get(location, "Authorization", bearer);
            assertEquals(200, read.status());
            assertEquals("Survives restarts", read.json().path("title").asText());
            assertEquals("pending", read.json().path("status").asText());
            assertEquals(seeded, http.get("/api/v1/resources?limit=100").json().path("results").size());
            // After a restart the suggester on disk answers at once, without a build.
            assertEquals("beijing-consensus-ai-education-2019",
                    http.get("/api/v1/suggest?q=beijing%20cons").json().path("suggestions").path(0).path("slug").asText());
        }
    }
}
