package org.clearinghouse.server.config;

import java.util.Map;

/** The HTTP listener: {@code PORT} (default 7070; 0 picks a free port). */
public record HttpConfig(int port, long maxBodyBytes) {
    public static final long ONE_MIB = 1024L * 1024L;

    public static HttpConfig fromEnv(Map<String, String> env) {
        return new HttpConfig(new Env(env).integer("PORT", 7070, 0, 65535), ONE_MIB);
    }
}
