package org.clearinghouse.server.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.Main;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.support.Accounts;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bulk import killed halfway (SIGKILL of a real server process, mid-request): every row finished before the
 * kill is stored whole (record, revision and audit line), nothing else is, and importing the same file again
 * through a new process completes it, reporting the stored rows as unchanged.
 */
class ImportCrashTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();
    private static final int ROWS = 2000;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private Process startServer(int port, String name) throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "import-crash-" + name + "-");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve");
        builder.environment().putAll(Map.of("PORT", String.valueOf(port), "DATABASE_URL", POSTGRES.jdbcUrl(),
                "DATABASE_USER", POSTGRES.user(), "CLEARINGHOUSE_DATA_DIR", dataDir.toString(), "CLEARINGHOUSE_SEED", "false"));
        builder.redirectErrorStream(true).redirectOutput(new File(dataDir.toFile(), "server.log"));
        Process process = builder.start();
        processes.add(process);
        Http http = new Http(port);
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (http.get("/health").status() == 200) {
                    return process;
                }
            } catch (RuntimeException | AssertionError notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException("server " + name + " did not start; see " + dataDir.resolve("server.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long count(String sql) {
        return ((Number) POSTGRES.database().dsl().fetchValue(sql)).longValue();
    }

    private static CompletableFuture<HttpResponse<String>> postImport(int port, String bearer, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", bearer).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aKilledImportKeepsWholeRowsAndARerunCompletesIt() throws Exception {
        Accounts.TestAccount amina = new Accounts(POSTGRES).create("amina", Role.CONTRIBUTOR, "ministry", "KE");
        long organisation = amina.organisation().id();
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= ROWS; i++) {
            file.append(ImportApiTest.line("crash-" + i, "Crash-safe course number " + i, "https://example.org/crash/" + i)).append('\n');
        }
        String stored = "select count(*) from resource where organisation_id = " + organisation;

        int port = freePort();
        Process first = startServer(port, "a");
        CompletableFuture<HttpResponse<String>> interrupted = postImport(port, amina.bearer(), file.toString());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (count(stored) < ROWS / 10) {
            assertTrue(System.nanoTime() < deadline, "the import never got going");
            assertTrue(!interrupted.isDone(), "the import ended before it could be killed: " + interrupted.getNow(null));
            Thread.sleep(10);
        }
        first.destroyForcibly();
        assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the server did not die");
        assertTrue(interrupted.handle((response, error) -> error != null).get(30, TimeUnit.SECONDS),
                "the killed server never answered the import");

        long done = count(stored);
        assertTrue(done >= ROWS / 10 && done < ROWS, "rows stored before the kill: " + done);
        // every stored row is whole: its record, its one revision and its audit line, committed together
        assertEquals(done, count("select count(*) from revision v join resource r on r.id = v.resource_id where r.organisation_id = "
                + organisation + " and v.n = 1 and v.state = 'pending'"));
        assertEquals(done, count("select count(*) from revision v join resource r on r.id = v.resource_id where r.organisation_id = "
                + organisation));
        assertEquals(done, count("select count(*) from audit_log where action = 'import.create' and actor_name = 'amina'"));
        assertEquals(done, count("select count(distinct external_id) from resource where organisation_id = " + organisation));

        int secondPort = freePort();
        startServer(secondPort, "b");
        HttpResponse<String> rerun = postImport(secondPort, amina.bearer(), file.toString()).get(5, TimeUnit.MINUTES);
        assertEquals(200, rerun.statusCode(), rerun.body());
        JsonNode report = Json.mapper().readTree(rerun.body());
        assertEquals(ROWS, report.path("rows").asInt());
        assertEquals(ROWS - done, report.path("created").asInt());
        assertEquals(done, report.path("unchanged").asInt());
        assertEquals(0, report.path("updated").asInt());
        assertEquals(0, report.path("rejected").asInt());
        assertEquals(ROWS, count(stored));
        assertEquals(ROWS, count("select count(*) from revision v join resource r on r.id = v.resource_id where r.organisation_id = " + organisation));
        assertEquals(ROWS, count("select count(*) from audit_log where action = 'import.create' and actor_name = 'amina'"));
    }
}
