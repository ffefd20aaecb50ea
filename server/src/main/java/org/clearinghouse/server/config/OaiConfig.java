package org.clearinghouse.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The OAI-PMH provider's settings. The base URL is {@code CLEARINGHOUSE_PUBLIC_URL} (see {@link SiteConfig}) plus
 * {@code /oai}; the rest comes from the environment:
 * <ul>
 *   <li>{@code CLEARINGHOUSE_OAI_REPOSITORY_ID}: the repository identifier in item identifiers
 *   {@code oai:<id>:<uuid>}, a domain name. Default: the host of the public URL. Harvesters key their copies on
 *   item identifiers, so it must not change once the repository is harvested.</li>
 *   <li>{@code CLEARINGHOUSE_OAI_REPOSITORY_NAME}: the name in Identify.</li>
 *   <li>{@code CLEARINGHOUSE_OAI_ADMIN_EMAIL}: one or more addresses, comma separated, in Identify.</li>
 * </ul>
 * Lists are paged {@code pageSize} items at a time; resumption tokens stay valid for {@code tokenLifetime}.
 */
public record OaiConfig(String publicUrl, String repositoryId, String repositoryName, List<String> adminEmails,
                        int pageSize, Duration tokenLifetime) {
    public static final String DEFAULT_NAME = "AI for Education Clearinghouse";
    /** Not a real mailbox: {@code .invalid} is reserved, so an unconfigured deployment says so plainly. */
    public static final String DEFAULT_ADMIN_EMAIL = "oai-admin@clearinghouse.invalid";
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(24);

    /** The oai-identifier scheme's repositoryIdentifier: a domain name. */
    public static final Pattern DOMAIN_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9\\-]*(\\.[a-zA-Z][a-zA-Z0-9\\-]*)+");
    private static final Pattern EMAIL = Pattern.compile("\\S+@(\\S+\\.)+\\S+");

    public OaiConfig {
        adminEmails = List.copyOf(adminEmails);
        if (adminEmails.isEmpty() || pageSize < 1 || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("an OAI-PMH provider needs an admin e-mail, pages and token lifetimes");
        }
    }

    public static OaiConfig fromEnv(SiteConfig site, Map<String, String> env) {
        String repositoryId = value(env, "CLEARINGHOUSE_OAI_REPOSITORY_ID");
        if (repositoryId != null && !DOMAIN_NAME.matcher(repositoryId).matches()) {
            throw new ConfigException("CLEARINGHOUSE_OAI_REPOSITORY_ID must be a domain name such as "
                    + "clearinghouse.example.org, got '" + repositoryId + "'");
        }
        String name = value(env, "CLEARINGHOUSE_OAI_REPOSITORY_NAME");
        String emailList = value(env, "CLEARINGHOUSE_OAI_ADMIN_EMAIL");
        List<String> emails = emailList == null ? List.of(DEFAULT_ADMIN_EMAIL)
                : Arrays.stream(emailList.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (emails.isEmpty() || emails.stream().anyMatch(e -> !EMAIL.matcher(e).matches())) {
            throw new ConfigException("CLEARINGHOUSE_OAI_ADMIN_EMAIL must be one or more e-mail addresses, comma separated, "
                    + "got '" + emailList + "'");
        }
        return new OaiConfig(site.publicUrl(), repositoryId == null ? hostOf(site.publicUrl()) : repositoryId,
                name == null ? DEFAULT_NAME : name, emails, DEFAULT_PAGE_SIZE, DEFAULT_TOKEN_LIFETIME);
    }

    /** The public URL's host name, lower case; {@code localhost} when it is an IP address (a laptop, a test). */
    private static String hostOf(String publicUrl) {
        String host = URI.create(publicUrl).getHost();
        String id = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return id.matches("[a-z][a-z0-9\\-]*(\\.[a-z0-9\\-]+)*") ? id : "localhost";
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
