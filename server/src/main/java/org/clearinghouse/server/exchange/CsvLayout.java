package org.clearinghouse.server.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one CSV layout of exports and imports: a column per field, type-specific fields prefixed with their
 * type, lists joined with {@value #LIST_SEPARATOR}, translations as a JSON object in one cell. An exported
 * file re-imports unchanged.
 */
public final class CsvLayout {
    public static final String LIST_SEPARATOR = "|";

    enum Kind { TEXT, LIST, BOOLEAN, NUMBER, INTEGER, JSON }

    record Column(String header, String path, Kind kind) {
        String[] segments() {
            return path.split("\\.");
        }
    }

    static final List<Column> COLUMNS = List.of(
            col("id", Kind.TEXT), col("slug", Kind.TEXT), col("type", Kind.TEXT), col("title", Kind.TEXT),
            col("summary", Kind.TEXT), col("original_language", Kind.TEXT), col("url", Kind.TEXT),
            col("languages", Kind.LIST), col("jurisdictions", Kind.LIST), col("publisher", Kind.TEXT),
            col("license", Kind.TEXT), col("published", Kind.TEXT), col("themes", Kind.LIST), col("levels", Kind.LIST),
            col("audiences", Kind.LIST), col("sdg4_targets", Kind.LIST), col("keywords", Kind.LIST),
            col("translations", Kind.JSON),
            col("course.provider", Kind.TEXT), col("course.format", Kind.TEXT), col("course.duration_hours", Kind.NUMBER),
            col("course.level", Kind.TEXT), col("course.cost", Kind.TEXT), col("course.certificate", Kind.TEXT),
            col("tool.source_code_url", Kind.TEXT), col("tool.open_source", Kind.BOOLEAN), col("tool.platforms", Kind.LIST),
            col("tool.offline_capable", Kind.BOOLEAN), col("tool.personal_data", Kind.TEXT),
            col("tool.minimum_age", Kind.INTEGER),
            col("policy.issuing_body", Kind.TEXT), col("policy.instrument_type", Kind.TEXT), col("policy.status", Kind.TEXT),
            col("policy.adoption_date", Kind.TEXT),
            col("regulation.issuing_authority", Kind.TEXT), col("regulation.binding", Kind.BOOLEAN),
            col("regulation.legal_identifier", Kind.TEXT), col("regulation.in_force_date", Kind.TEXT),
            col("regulation.status", Kind.TEXT),
            col("practice.context", Kind.TEXT), col("practice.scale_reached", Kind.TEXT), col("practice.outcomes", Kind.TEXT),
            col("practice.evidence_type", Kind.TEXT),
            col("provenance.source_url", Kind.TEXT), col("provenance.checked", Kind.TEXT));

    private CsvLayout() {
    }

    private static Column col(String path, Kind kind) {
        return new Column(path.replace('.', '_'), path, kind);
    }

    public static List<String> headers() {
        return COLUMNS.stream().map(Column::header).toList();
    }

    /** A record's JSON (as the API writes it) as one CSV row, in {@link #headers()} order. */
    static List<String> toRow(JsonNode record, ObjectMapper mapper) {
        List<String> row = new ArrayList<>(COLUMNS.size());
        for (Column column : COLUMNS) {
            JsonNode value = record;
            for (String segment : column.segments()) {
                value = value.path(segment);
            }
            row.add(format(value, column.kind(), mapper));
        }
        return row;
    }

    private static String format(JsonNode value, Kind kind, ObjectMapper mapper) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        return switch (kind) {
            case LIST -> {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                yield String.join(LIST_SEPARATOR, items);
            }
            case JSON -> value.isEmpty() ? "" : value.toString();
            case NUMBER -> value.isIntegralNumber() || value.asDouble() == Math.rint(value.asDouble())
                    ? String.valueOf((long) value.asDouble()) : value.asText();
            default -> value.asText();
        };
    }

    /**
     * A CSV row (header to cell) as a JSON record for validation. Empty cells are absent fields; a cell that
     * cannot be read as its kind is kept as text, so the validator names the field.
     */
    static ObjectNode fromRow(Map<String, String> cells, ObjectMapper mapper) {
        ObjectNode record = mapper.createObjectNode();
        for (Column column : COLUMNS) {
            String cell = cells.get(column.header());
            if (cell == null || cell.isBlank()) {
                continue;
            }
            String[] segments = column.segments();
            ObjectNode parent = record;
            for (int i = 0; i < segments.length - 1; i++) {
                parent = parent.has(segments[i]) ? (ObjectNode) parent.get(segments[i]) : parent.putObject(segments[i]);
            }
            String name = segments[segments.length - 1];
            switch (column.kind()) {
                case LIST -> {
                    ArrayNode array = parent.putArray(name);
                    for (String item : cell.split("\\" + LIST_SEPARATOR, -1)) {
                        array.add(item.trim());
                    }
                }
                case BOOLEAN -> {
                    String v = cell.trim().toLowerCase(java.util.Locale.ROOT);
                    if (v.equals("true") || v.equals("false")) {
                        parent.put(name, Boolean.parseBoolean(v));
                    } else {
                        parent.put(name, cell);
                    }
                }
                case NUMBER -> {
                    try {
                        parent.put(name, new java.math.BigDecimal(cell.trim()));
                    } catch (NumberFormatException e) {
                        parent.put(name, cell);
                    }
                }
                case INTEGER -> {
                    try {
                        parent.put(name, Integer.parseInt(cell.trim()));
                    } catch (NumberFormatException e) {
                        parent.put(name, cell);
                    }
                }
                case JSON -> {
                    try {
                        parent.set(name, mapper.readTree(cell));
                    } catch (java.io.IOException e) {
                        parent.put(name, cell);
                    }
                }
                default -> parent.put(name, cell);
            }
        }
        return record;
    }
}
