package org.clearinghouse.server.config;

/** A setting that cannot be used as given; the message names the variable. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
