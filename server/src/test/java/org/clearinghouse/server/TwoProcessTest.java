package org.clearinghouse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.support.Http;
import org.clearinghouse.server.support.Records;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two real server processes, each with its own index, on one PostgreSQL: a record submitted through one and
 * published is found by a search on the other. This is how the clearinghouse scales out.
 */
class TwoProcessTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private Http startServer(String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory(Path.of("target"), "process-" + name + "-");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve");
        builder.environment().putAll(Map.of("PORT", String.valueOf(port), "DATABASE_URL", POSTGRES.jdbcUrl(),
                "DATABASE_USER", POSTGRES.user(), "CLEARINGHOUSE_DATA_DIR", dataDir.toString(),
                "CLEARINGHOUSE_INDEX_POLL_MS", "200"));
        builder.redirectErrorStream(true).redirectOutput(new File(dataDir.toFile(), "server.log"));
        processes.add(builder.start());
        Http http = new Http(port);
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (http.get("/health").status() == 200) {
                    return http;
                }
            } catch (RuntimeException | AssertionError notYet) {
                // the process is still starting
            }
            Thread.sleep(200);
        }
        throw new IOException("server " + name + " did not start; see " + dataDir.resolve("server.log"));
    }

    @Test
    void aRecordPublishedThroughOneProcessIsFoundOnTheOther() throws Exception {
        Http first = startServer("a");
        String bearer = new org.clearinghouse.server.support.Accounts(POSTGRES)
                .create("amina", org.clearinghouse.server.auth.Role.CONTRIBUTOR, "ministry", "KE").bearer();
        Http second = startServer("b");

        Http.Response created = first.post("/api/v1/resources",
                Records.course("Quokka orchestration for rural schools", "https://example.org/quokka").toString(),
                "Authorization", bearer, "Content-Type", "application/json");
        assertEquals(201, created.status(), created.body());
        UUID id = UUID.fromString(created.json().path("id").asText());
        // Publishing is the moderators' act (curation issue); here the database does what their approval will do.
        new ResourceRepository(POSTGRES.database().dsl(), Json.mapper()).changeStatus(id, Status.PUBLISHED);

        long published = System.nanoTime();
        // Each process follows the database on its own poll, so either may see the change first.
        double onSecond = secondsUntilFound(second, published);
        double onFirst = secondsUntilFound(first, published);
        assertTrue(onSecond < 2, "found on the second process after " + onSecond + " s");
        assertTrue(onFirst < 2, "found on the first process after " + onFirst + " s");
    }

    /** Seconds from {@code since} until a search on this process finds the record (at most 10 s of trying). */
    private static double secondsUntilFound(Http server, long since) throws InterruptedException {
        while (System.nanoTime() - since < 10_000_000_000L) {
            if (server.get("/api/v1/search?q=quokka").json().path("total").asLong() == 1) {
                return (System.nanoTime() - since) / 1e9;
            }
            Thread.sleep(50);
        }
        return Double.POSITIVE_INFINITY;
    }
}
