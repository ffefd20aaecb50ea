package org.clearinghouse.server.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The downloadable CSV template of bulk imports: UTF-8 with a byte-order mark, the {@value ImportRows#EXTERNAL_ID}
 * column (the organisation's own key) followed by the export layout, and one example course to overwrite.
 */
public final class ImportTemplate {
    private static final String EXAMPLE = """
            {"type": "course", "title": "AI for teachers in Kenya",
             "summary": "A free course introducing teachers to AI in the classroom.",
             "original_language": "en", "url": "https://example.org/replace-with-your-course", "languages": ["en", "sw"],
             "jurisdictions": ["KE"], "publisher": "Example University", "license": "CC-BY-4.0", "published": "2024",
             "themes": ["teaching_teachers"], "audiences": ["teachers"], "keywords": ["prompting", "lesson planning"],
             "course": {"provider": "Example University", "format": "self_paced", "duration_hours": 12,
                        "cost": "free", "certificate": "none"}}""";

    private ImportTemplate() {
    }

    public static List<String> headers() {
        List<String> headers = new ArrayList<>();
        headers.add(ImportRows.EXTERNAL_ID);
        headers.addAll(CsvLayout.headers());
        return headers;
    }

    public static String csv(ObjectMapper mapper) {
        try {
            JsonNode example = mapper.readTree(EXAMPLE);
            StringWriter out = new StringWriter();
            out.write('\uFEFF');
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(headers().toArray(new String[0])).get())) {
                List<String> row = new ArrayList<>();
                row.add("course-0001");
                row.addAll(CsvLayout.toRow(example, mapper));
                csv.printRecord(row);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
