package org.clearinghouse.server.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.ValidationException;

/**
 * Reads an import file row by row: CSV in {@link CsvLayout} (plus an optional {@value #EXTERNAL_ID} column), or
 * JSON Lines with one record per line as the API writes it (its bookkeeping fields are dropped). Rows are numbered
 * from 1 (the first record; blank lines are skipped); a row that cannot be read carries its errors instead.
 */
public final class ImportRows {
    /** The organisation's own key for a record, so a re-import finds it again. */
    public static final String EXTERNAL_ID = "external_id";
    /** Fields of the API's JSON that are the catalogue's bookkeeping, not the contributor's content. */
    private static final List<String> BOOKKEEPING = List.of("status", "regions", "created_at", "updated_at", "change_seq",
            "organisation_id", "validation");

    private ImportRows() {
    }

    /** One row: {@code record} to validate (null when unreadable), its external id if any, or why it is unreadable. */
    public record Row(long number, JsonNode record, String externalId, List<FieldError> errors) {
    }

    /**
     * Feeds every row to {@code sink}, in file order.
     *
     * @throws ValidationException naming {@code (header)} when a CSV header lacks columns of the layout
     */
    public static void read(InputStream in, ExportFormat format, ObjectMapper mapper, Consumer<Row> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            skipByteOrderMark(reader);
            if (format == ExportFormat.CSV) {
                readCsv(reader, mapper, sink);
            } else {
                readJsonLines(reader, mapper, sink);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the import file", e);
        }
    }

    private static void readCsv(BufferedReader reader, ObjectMapper mapper, Consumer<Row> sink) throws IOException {
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
        List<String> missing = CsvLayout.headers().stream().filter(h -> !parser.getHeaderMap().containsKey(h)).toList();
        if (!missing.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("(header)", "the CSV header lacks the columns " + missing)));
        }
        long number = 0;
        for (CSVRecord row : parser) {
            number++;
            if (!row.isConsistent()) {
                sink.accept(new Row(number, null, null, List.of(new FieldError("(row)",
                        "has " + row.size() + " cells, the header has " + parser.getHeaderMap().size()))));
                continue;
            }
            java.util.Map<String, String> cells = row.toMap();
            String externalId = cells.get(EXTERNAL_ID);
            sink.accept(new Row(number, CsvLayout.fromRow(cells, mapper),
                    externalId == null || externalId.isBlank() ? null : externalId.trim(), List.of()));
        }
    }

    private static void readJsonLines(BufferedReader reader, ObjectMapper mapper, Consumer<Row> sink) throws IOException {
        long number = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            number++;
            JsonNode node;
            try {
                node = mapper.readTree(line);
            } catch (IOException e) {
                sink.accept(new Row(number, null, null, List.of(new FieldError("(row)", "is not valid JSON"))));
                continue;
            }
            String externalId = null;
            if (node instanceof ObjectNode object) {
                BOOKKEEPING.forEach(object::remove);
                JsonNode external = object.remove(EXTERNAL_ID);
                if (external != null && !external.isNull()) {
                    if (!external.isTextual() || external.asText().isBlank() || external.asText().length() > 200) {
                        sink.accept(new Row(number, null, null, List.of(new FieldError(EXTERNAL_ID,
                                "must be a non-empty string of at most 200 characters"))));
                        continue;
                    }
                    externalId = external.asText().trim();
                }
            }
            sink.accept(new Row(number, node, externalId, List.of()));
        }
    }

    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }
}
