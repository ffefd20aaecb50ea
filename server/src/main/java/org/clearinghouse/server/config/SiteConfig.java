package org.clearinghouse.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * Where the public reaches the clearinghouse ({@code CLEARINGHOUSE_PUBLIC_URL}): the base of every absolute URL
 * the server writes for others to follow (JSON-LD identifiers, Atom links, sitemaps, robots.txt). An http(s)
 * URL, possibly with a path prefix, never with a query or fragment; kept without a trailing slash. Defaults to
 * {@code http://localhost:<PORT>} (7070 when PORT is unset or 0), which suits a laptop and nothing else.
 */
public record SiteConfig(String publicUrl) {

    public SiteConfig {
        publicUrl = normalise("CLEARINGHOUSE_PUBLIC_URL", publicUrl);
    }

    public static SiteConfig fromEnv(Map<String, String> env) {
        Env vars = new Env(env);
        int port = vars.integer("PORT", 7070, 0, 65535);
        return new SiteConfig(vars.string("CLEARINGHOUSE_PUBLIC_URL", "http://localhost:" + (port == 0 ? 7070 : port)));
    }

    /** The absolute URL of a path of this site; {@code path} starts with a slash. */
    public String url(String path) {
        return publicUrl + path;
    }

    private static String normalise(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ConfigException(name + " must be an absolute http(s) URL");
        }
        String trimmed = raw.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new ConfigException(name + " is not a URL: '" + trimmed + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ConfigException(name + " must be an absolute http(s) URL with a host, got '" + trimmed + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new ConfigException(name + " must not carry a query, fragment or user name, got '" + trimmed + "'");
        }
        return trimmed.replaceAll("/+$", "");
    }
}
