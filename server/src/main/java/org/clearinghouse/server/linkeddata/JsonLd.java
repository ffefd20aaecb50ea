package org.clearinghouse.server.linkeddata;

import java.util.Locale;
import org.clearinghouse.server.catalogue.BadParameterException;

/** When a client gets JSON-LD instead of the API's own JSON: content negotiation, without HTTP types. */
public final class JsonLd {
    public static final String MEDIA_TYPE = "application/ld+json";
    /** The value of the {@code format} query parameter that asks for JSON-LD. */
    public static final String FORMAT = "jsonld";

    private JsonLd() {
    }

    /**
     * True when the request asks for JSON-LD: {@code format=jsonld}, or (without {@code format}) an
     * {@code Accept} header that names {@code application/ld+json} with a quality at least as high as any it
     * gives {@code application/json}, {@code application/*} or {@code *}{@code /*}. {@code format=json} forces
     * the API's JSON; any other format is a bad parameter.
     */
    public static boolean wanted(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case FORMAT -> true;
                case "json" -> false;
                default -> throw new BadParameterException("format", "must be json or jsonld");
            };
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double ld = -1;
        double json = 0;
        double anyApplication = -1;
        double any = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = quality(parts);
            switch (type) {
                case MEDIA_TYPE -> ld = Math.max(ld, q);
                case "application/json" -> json = Math.max(json, q);
                case "application/*" -> anyApplication = Math.max(anyApplication, q);
                case "*/*" -> any = Math.max(any, q);
                default -> { }
            }
        }
        double plain = Math.max(json, Math.max(anyApplication, any));
        return ld > 0 && ld >= plain;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].trim();
            if (p.startsWith("q=") || p.startsWith("Q=")) {
                try {
                    double q = Double.parseDouble(p.substring(2).trim());
                    return q < 0 || q > 1 || Double.isNaN(q) ? 0 : q;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
