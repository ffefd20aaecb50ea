package org.clearinghouse.server.catalogue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The form of a URL under which two records point at the same resource: no scheme, no {@code www.},
 * lower-case host, no fragment, no trailing slash, no tracking parameters.
 */
public final class UrlKey {
    private UrlKey() {
    }

    public static String of(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return url.trim().toLowerCase(Locale.ROOT);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        String port = uri.getPort() == -1 || uri.getPort() == 80 || uri.getPort() == 443 ? "" : ":" + uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty() && !isTracking(p.split("=", 2)[0].toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("&"));
        return host + port + path + (query.isEmpty() ? "" : "?" + query);
    }

    /**
     * Campaign and click identifiers that analytics and ad platforms append (Google, Microsoft, Meta, Mailchimp,
     * HubSpot, Marketo, TikTok, X, LinkedIn, Yandex, Instagram): they never change the page.
     */
    private static final java.util.Set<String> TRACKING = java.util.Set.of("fbclid", "gclid", "gclsrc", "dclid", "gbraid",
            "wbraid", "msclkid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "ref_src", "mkt_tok", "ttclid", "twclid",
            "li_fat_id", "yclid", "igshid", "_ga", "_gl");

    private static boolean isTracking(String name) {
        return name.startsWith("utm_") || TRACKING.contains(name);
    }
}
