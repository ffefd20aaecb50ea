package org.clearinghouse.server.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceValidator;
import org.clearinghouse.server.config.AppConfig;
import org.clearinghouse.server.db.Database;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * {@code dump} writes the whole published catalogue to a file; {@code import} loads a CSV or JSON Lines file.
 * Both work on the database directly; a running server's index follows the import by the change sequence.
 */
public final class ExchangeCommands {
    private static final int BATCH = 500;

    private ExchangeCommands() {
    }

    /** {@code dump --format csv|jsonl --out FILE}: written to a temporary file, then moved into place. */
    public static long dump(AppConfig config, List<String> args) {
        ExportFormat format = ExportFormat.parse(option(args, "--format", "jsonl"))
                .orElseThrow(() -> new IllegalArgumentException("--format must be csv or jsonl"));
        Path out = Path.of(option(args, "--out", "clearinghouse-dump." + format.extension())).toAbsolutePath();
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            Database database = Application.openDatabase(config, owned);
            ObjectMapper mapper = Json.mapper();
            ResourceRepository repository = new ResourceRepository(database.dsl(), mapper);
            Path partial = out.resolveSibling(out.getFileName() + ".partial");
            long count;
            try (OutputStream stream = Files.newOutputStream(partial)) {
                count = new Exporter(mapper).export(format, stream, sink -> {
                    UUID after = null;
                    List<Resource> batch;
                    do {
                        batch = repository.publishedAfter(after, BATCH);
                        sink.accept(batch);
                        after = batch.isEmpty() ? after : batch.get(batch.size() - 1).id();
                    } while (batch.size() == BATCH);
                });
            }
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("dumped " + count + " published records to " + out);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Application.closeAll(owned);
        }
    }

    /** {@code import FILE [--format csv|jsonl]} (format from the extension by default). */
    public static ImportReport importFile(AppConfig config, List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("--")) {
            throw new IllegalArgumentException("usage: import FILE [--format csv|jsonl]");
        }
        Path file = Path.of(args.get(0));
        String extension = file.getFileName().toString().replaceAll("^.*\\.", "");
        ExportFormat format = ExportFormat.parse(option(args, "--format", extension))
                .orElseThrow(() -> new IllegalArgumentException("cannot tell the format of " + file + "; give --format csv|jsonl"));
        List<AutoCloseable> owned = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Database database = Application.openDatabase(config, owned);
            ObjectMapper mapper = Json.mapper();
            Vocabularies vocabularies = Vocabularies.load(mapper);
            ImportReport report = new Importer(new ResourceRepository(database.dsl(), mapper), new ResourceValidator(vocabularies),
                    vocabularies, mapper).importFile(in, format);
            System.out.println("import of " + file + ": " + report);
            report.rejected().forEach(row -> System.out.println("  row " + row.row() + ": " + row.errors()));
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        } finally {
            Application.closeAll(owned);
        }
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        if (at < 0) {
            return fallback;
        }
        if (at + 1 >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(at + 1);
    }
}
