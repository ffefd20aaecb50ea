package org.clearinghouse.server.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.clearinghouse.server.catalogue.Resource;

/**
 * Writes records as CSV (the import layout, UTF-8 with a byte-order mark so spreadsheets read Arabic and
 * Chinese correctly) or JSON Lines, batch by batch, so memory stays flat whatever the size.
 */
public final class Exporter {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private final ObjectMapper mapper;

    public Exporter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Calls {@code source} with a sink; every batch handed to the sink is written and flushed at once. */
    public long export(ExportFormat format, OutputStream out, Consumer<Consumer<List<Resource>>> source) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        long[] count = {0};
        try {
            if (format == ExportFormat.CSV) {
                writer.write(BYTE_ORDER_MARK);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                        .setHeader(CsvLayout.headers().toArray(new String[0])).get());
                source.accept(batch -> {
                    try {
                        for (Resource resource : batch) {
                            csv.printRecord(CsvLayout.toRow(mapper.valueToTree(resource), mapper));
                            count[0]++;
                        }
                        csv.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                csv.flush();
            } else {
                source.accept(batch -> {
                    try {
                        for (Resource resource : batch) {
                            writer.write(mapper.writeValueAsString(resource));
                            writer.write('\n');
                            count[0]++;
                        }
                        writer.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            writer.flush();
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
