package org.clearinghouse.server.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The bench's HTTP client: HTTP/1.1, kept-alive connections, requests one after the other, each sent and read
 * on the calling thread. {@code java.net.http.HttpClient} hands every exchange between the caller, its selector
 * thread and its executor; on two cores those hand-offs alone added about half a millisecond per request
 * (a 35 KB answer, measured side by side), which is the client's cost, not the API's.
 */
final class BenchClient {
    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final int timeoutMillis;

    BenchClient(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    Answer get(String uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(uri).toURL().openConnection();
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(timeoutMillis);
        int status = connection.getResponseCode();
        // Read to the end and close the stream: that returns the connection to the keep-alive cache.
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return new Answer(status, in == null ? new byte[0] : in.readAllBytes());
        }
    }
}
