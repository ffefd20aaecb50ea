package org.clearinghouse.server.config;

import java.util.Map;
import java.util.Optional;

/** Reads typed settings from an environment map, naming the variable in every error. */
final class Env {
    private final Map<String, String> vars;

    Env(Map<String, String> vars) {
        this.vars = vars;
    }

    Optional<String> string(String name) {
        String value = vars.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String string(String name, String fallback) {
        return string(name).orElse(fallback);
    }

    int integer(String name, int fallback, int min, int max) {
        return string(name).map(raw -> {
            try {
                int value = Integer.parseInt(raw);
                if (value < min || value > max) {
                    throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + raw);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new ConfigException(name + " must be a whole number, got '" + raw + "'");
            }
        }).orElse(fallback);
    }

    boolean bool(String name, boolean fallback) {
        return string(name).map(raw -> switch (raw.toLowerCase()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new ConfigException(name + " must be true or false, got '" + raw + "'");
        }).orElse(fallback);
    }
}
