package org.clearinghouse.server.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.catalogue.ValidationException;
import org.junit.jupiter.api.Test;

/** Malformed import files become rejected rows (or a header problem), never an unexpected failure. */
class ImportRowsTest {

    private static List<ImportRows.Row> read(String text, ExportFormat format) {
        List<ImportRows.Row> rows = new ArrayList<>();
        ImportRows.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format, Json.mapper(), rows::add);
        return rows;
    }

    private static String header() {
        return String.join(",", CsvLayout.headers()) + "\n";
    }

    private static String row(String title) {
        List<String> cells = new ArrayList<>();
        for (String column : CsvLayout.headers()) {
            cells.add(column.equals("title") ? title : "");
        }
        return String.join(",", cells) + "\n";
    }

    @Test
    void aQuoteNeverClosedEndsTheFileAsOneRejectedRowAfterTheGoodOnes() {
        List<ImportRows.Row> rows = read(header() + row("Good") + row("\"never closed"), ExportFormat.CSV);
        assertEquals(2, rows.size());
        assertNotNull(rows.get(0).record());
        assertNull(rows.get(1).record());
        assertEquals(2, rows.get(1).number());
        assertEquals("(row)", rows.get(1).errors().get(0).field());
        assertTrue(rows.get(1).errors().get(0).message().startsWith("is not valid CSV from here on"));
    }

    @Test
    void anUnreadableHeaderIsAHeaderProblem() {
        ValidationException e = assertThrows(ValidationException.class, () -> read("\"unterminated,quote\n,,,\n", ExportFormat.CSV));
        assertEquals("(header)", e.errors().get(0).field());
    }

    @Test
    void rowsWithControlCharactersAreRejectedNamingTheField() {
        List<ImportRows.Row> csv = read(header() + row("a\u0000b"), ExportFormat.CSV);
        assertNull(csv.get(0).record());
        assertEquals("title", csv.get(0).errors().get(0).field());
        List<ImportRows.Row> jsonl = read("{\"title\":\"a\\u0000b\"}\n{\"title\":\"fine\"}\n", ExportFormat.JSONL);
        assertEquals("title", jsonl.get(0).errors().get(0).field());
        assertEquals(List.of(), jsonl.get(1).errors());
    }
}
