package org.clearinghouse.server.config;

import java.util.Map;

/**
 * Authentication settings. Accounts and personal API tokens live in the database; nothing here grants access
 * (the foundation's bootstrap token is gone: every write needs an account).
 */
public record AuthConfig() {

    public static AuthConfig fromEnv(Map<String, String> env) {
        return new AuthConfig();
    }
}
