package org.clearinghouse.server.oai;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Datestamps: UTC, written to the second ({@code YYYY-MM-DDThh:mm:ssZ}); {@code from} and {@code until} are
 * accepted to the day or to the second, as the protocol requires of a repository with seconds granularity.
 * Bounds are inclusive: {@code until=2024-05-01} takes the whole day, {@code until=...T10:00:00Z} the whole second.
 */
final class OaiDates {
    enum Granularity { DAY, SECOND }

    /** A parsed {@code from} or {@code until} argument. */
    record Bound(Instant start, Granularity granularity) {
        /** The first instant after the bound, for an inclusive {@code until}. */
        Instant endExclusive() {
            return granularity == Granularity.DAY ? start.plus(1, ChronoUnit.DAYS) : start.plusSeconds(1);
        }
    }

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECOND_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withResolverStyle(ResolverStyle.STRICT);

    private OaiDates() {
    }

    /** The bound written in {@code value}, or empty when it is not a legal date or datetime. */
    static Optional<Bound> parse(String value) {
        try {
            if (DAY.matcher(value).matches()) {
                return Optional.of(new Bound(LocalDate.parse(value, DAY_FORMAT).atStartOfDay().toInstant(ZoneOffset.UTC),
                        Granularity.DAY));
            }
            if (SECOND.matcher(value).matches()) {
                return Optional.of(new Bound(LocalDateTime.parse(value, SECOND_FORMAT).toInstant(ZoneOffset.UTC),
                        Granularity.SECOND));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A datestamp: the instant to the second, UTC. */
    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
