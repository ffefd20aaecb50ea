package org.clearinghouse.server.auth;

import java.time.Duration;

final class RetryAfter {
    private RetryAfter() {
    }

    /** Rounded up: a client waiting exactly this long must not be refused again for lack of a millisecond. */
    static long seconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }
}
