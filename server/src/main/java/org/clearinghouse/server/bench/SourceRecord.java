package org.clearinghouse.server.bench;

import java.util.List;
import java.util.Map;
import org.clearinghouse.server.catalogue.Translation;

/**
 * One entry of a real public corpus, read as it is and not yet a catalogue record: what
 * {@link RecordGenerator} maps (and replicates) into valid records.
 *
 * @param type          the catalogue type it becomes
 * @param source        the corpus it came from, e.g. {@code edx}, {@code oecd}
 * @param language      ISO 639-1 code of title and summary
 * @param url           its own URL, or null when it has none or shares it with an earlier entry
 * @param jurisdictions country or body codes the corpus names; empty when it names none
 * @param year          publication year, or null
 * @param hints         type-specific facts the corpus gives (provider, level, cost, instrument type, ...)
 */
record SourceRecord(
        String type,
        String source,
        String title,
        String summary,
        String language,
        Map<String, Translation> translations,
        String url,
        String publisher,
        List<String> jurisdictions,
        Integer year,
        List<String> keywords,
        Map<String, String> hints) {

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    SourceRecord {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        hints = hints == null ? Map.of() : hints.entrySet().stream().filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    String hint(String name) {
        return hints.get(name);
    }

    /** Title and summary with runs of white space (newlines, tabs) made single spaces. */
    SourceRecord normalized() {
        return new SourceRecord(type, source, WHITESPACE.matcher(title).replaceAll(" ").strip(),
                WHITESPACE.matcher(summary).replaceAll(" ").strip(), language, translations, url, publisher, jurisdictions, year,
                keywords, hints);
    }

    SourceRecord withUrl(String newUrl) {
        return new SourceRecord(type, source, title, summary, language, translations, newUrl, publisher, jurisdictions,
                year, keywords, hints);
    }
}
