package org.clearinghouse.server.oai;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Where an incomplete ListIdentifiers or ListRecords list stopped, with the arguments of the request that
 * started it. Stateless: the position is a keyset, the (datestamp, id) of the last item sent, so the list is
 * stable whatever is added or changed meanwhile (a record changed during a harvest moves to its end and is
 * sent again, never skipped). The token is this record, '|'-separated with a CRC-32, in URL-safe base64.
 *
 * @param verb           the verb it continues; a token is refused for any other
 * @param metadataPrefix the format asked for
 * @param set            the setSpec asked for, or null
 * @param from           the inclusive lower bound of the datestamps, or null
 * @param untilExclusive the exclusive upper bound of the datestamps, or null
 * @param lastUpdatedAt  the exact last-change time of the last item sent
 * @param lastId         the id of the last item sent
 * @param cursor         how many items of the complete list were sent before the next page
 * @param issuedAt       when the token was issued, to the second
 */
record ResumptionToken(String verb, String metadataPrefix, String set, Instant from, Instant untilExclusive,
                       Instant lastUpdatedAt, UUID lastId, int cursor, Instant issuedAt) {
    private static final String VERSION = "1";
    private static final int FIELDS = 11;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,19}");

    String encode() {
        String payload = String.join("|", VERSION, verb, metadataPrefix, set == null ? "" : set, micros(from),
                micros(untilExclusive), micros(lastUpdatedAt), lastId.toString(), Integer.toString(cursor),
                Long.toString(issuedAt.getEpochSecond()));
        String text = payload + "|" + crc(payload);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The token {@code text} stands for, or empty when it is not one this provider issued (garbled, truncated). */
    static Optional<ResumptionToken> decode(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = decoded.split("\\|", -1);
            if (parts.length != FIELDS || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            String payload = decoded.substring(0, decoded.lastIndexOf('|'));
            if (!crc(payload).equals(parts[10])) {
                return Optional.empty();
            }
            if (!OaiRequest.METADATA_PREFIX.matcher(parts[2]).matches()
                    || !(parts[3].isEmpty() || OaiSets.wellFormed(parts[3]))
                    || !UUID_TEXT.matcher(parts[7]).matches() || parts[6].isEmpty()) {
                return Optional.empty();
            }
            int cursor = Integer.parseInt(parts[8]);
            if (cursor < 0) {
                return Optional.empty();
            }
            return Optional.of(new ResumptionToken(parts[1], parts[2], parts[3].isEmpty() ? null : parts[3],
                    instant(parts[4]), instant(parts[5]), instant(parts[6]), UUID.fromString(parts[7]), cursor,
                    Instant.ofEpochSecond(Long.parseLong(parts[9]))));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            // Not base64, not numbers, out of range: all simply not a token of ours.
            return Optional.empty();
        }
    }

    ResumptionToken next(Instant lastUpdatedAt, UUID lastId, int cursor, Instant issuedAt) {
        return new ResumptionToken(verb, metadataPrefix, set, from, untilExclusive, lastUpdatedAt, lastId, cursor,
                issuedAt.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String micros(Instant instant) {
        if (instant == null) {
            return "";
        }
        return Long.toString(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000));
    }

    private static Instant instant(String micros) {
        if (micros.isEmpty()) {
            return null;
        }
        if (!NUMBER.matcher(micros).matches()) {
            throw new IllegalArgumentException("not a number: " + micros);
        }
        long value = Long.parseLong(micros);
        return Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000L);
    }

    private static String crc(String payload) {
        CRC32 crc = new CRC32();
        crc.update(payload.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
