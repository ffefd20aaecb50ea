package org.clearinghouse.server.config;

import java.util.Map;
import java.util.Optional;

/**
 * Who may write. Until accounts exist, one contributor token configured by the operator
 * ({@code CLEARINGHOUSE_BOOTSTRAP_TOKEN}); with none configured, nobody can submit.
 */
public record AuthConfig(Optional<String> bootstrapToken) {
    public static final int MIN_TOKEN_LENGTH = 16;

    public static AuthConfig fromEnv(Map<String, String> env) {
        Optional<String> token = new Env(env).string("CLEARINGHOUSE_BOOTSTRAP_TOKEN");
        token.ifPresent(t -> {
            if (t.length() < MIN_TOKEN_LENGTH) {
                throw new ConfigException("CLEARINGHOUSE_BOOTSTRAP_TOKEN must be at least " + MIN_TOKEN_LENGTH + " characters");
            }
        });
        return new AuthConfig(token);
    }

    @Override
    public String toString() {
        return "AuthConfig[bootstrapToken=" + (bootstrapToken.isPresent() ? "(set)" : "(none)") + "]";
    }
}
