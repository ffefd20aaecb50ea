package org.clearinghouse.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The site's static files, served under names that carry a hash of their content ({@code site.3f9a0c1b2d.css}),
 * so they can be cached for a year and still change the moment they change.
 */
public final class Assets {
    /** One static file: its fingerprinted path, its bytes and its content type. */
    public record Asset(String path, byte[] bytes, String contentType) {
    }

    private final Map<String, Asset> byName = new LinkedHashMap<>();
    private final Asset css;
    private final Asset script;

    private Assets() {
        css = add("site", ".css", "text/css; charset=utf-8");
        script = add("suggest", ".js", "text/javascript; charset=utf-8");
    }

    public static Assets load() {
        return new Assets();
    }

    private Asset add(String base, String extension, String contentType) {
        String resource = "/static/" + base + extension;
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("static file missing from the classpath: " + resource);
            }
            byte[] bytes = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
            String name = base + "." + hash + extension;
            Asset asset = new Asset("/static/" + name, bytes, contentType);
            byName.put(name, asset);
            return asset;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stylesheet's fingerprinted path, e.g. {@code /static/site.3f9a0c1b2d4e.css}. */
    public String cssPath() {
        return css.path();
    }

    /** The search-as-you-type script's fingerprinted path (an enhancement: pages work without it). */
    public String scriptPath() {
        return script.path();
    }

    /** The asset with this fingerprinted file name, if it is one of ours. */
    public Optional<Asset> find(String fileName) {
        return Optional.ofNullable(byName.get(fileName));
    }
}
