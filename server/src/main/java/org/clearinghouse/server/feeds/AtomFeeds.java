package org.clearinghouse.server.feeds;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.LongSupplier;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.clearinghouse.server.catalogue.Resource;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.Translation;
import org.clearinghouse.server.config.SiteConfig;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.search.ResultSummary;
import org.clearinghouse.server.search.SearchResponse;
import org.clearinghouse.server.search.SearchService;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * Atom 1.0 (RFC 4287) feeds of newly published records, one for any search: {@code /feeds/atom} takes the
 * parameters of {@code /api/v1/search} (q, type, country, region, theme, level, audience, language, license,
 * year_from, year_to, open, lang) and lists the {@value #ENTRIES} matching published records that changed last,
 * newest change first, so that a ministry can follow "policies, Africa, teachers".
 *
 * <p>The search service decides what matches (so a feed and a search never disagree, and bad parameters get the
 * same 400); the repository supplies the full records and their order. The index has no "last changed" order,
 * so a search's matches are collected page by page (at most {@value #MAX_MATCHES}, taken newest publication
 * first) and the database picks the newest changes among them; with no criteria at all the database answers
 * alone. Knows nothing of HTTP.
 */
public final class AtomFeeds {
    public static final String MEDIA_TYPE = "application/atom+xml";
    public static final int ENTRIES = 50;
    /** Beyond this many matches a feed covers only the first ones, by newest publication date. */
    static final int MAX_MATCHES = 20_000;
    static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String XML = "http://www.w3.org/XML/1998/namespace";
    private static final int PAGE = 100;
    /** Paging and output parameters the feed sets itself; everything else goes to the search as given. */
    private static final Set<String> OWN = Set.of("limit", "cursor", "sort", "format");
    /** Parameters that narrow a search; without any, every published record matches. */
    private static final List<String> CRITERIA = List.of("q", "type", "country", "region", "theme", "level", "audience",
            "language", "license", "year_from", "year_to", "open");

    private final SearchService search;
    private final ResourceRepository repository;
    private final Vocabularies vocabularies;
    private final SiteConfig site;
    private final LongSupplier indexSequence;

    /** {@code indexSequence}: the change sequence the search index has reached (it is part of the feed's ETag). */
    public AtomFeeds(SearchService search, ResourceRepository repository, Vocabularies vocabularies, SiteConfig site,
                     LongSupplier indexSequence) {
        this.search = search;
        this.repository = repository;
        this.vocabularies = vocabularies;
        this.site = site;
        this.indexSequence = indexSequence;
    }

    /**
     * A weak validator for conditional GETs: it changes whenever the database or the index moves on, and differs
     * between searches, so a feed reader that polls gets 304 until something could have changed.
     */
    public String etag(Map<String, List<String>> params) {
        return "W/\"atom-" + repository.lastChangeSeq() + "-" + indexSequence.getAsLong() + "-"
                + Integer.toHexString(canonicalQuery(params).hashCode()) + "\"";
    }

    /** The feed for these search parameters, as UTF-8 XML. */
    public byte[] feed(Map<String, List<String>> params) {
        Map<String, List<String>> query = searchParameters(params);
        List<Resource> records = repository.latestPublished(matchingIds(query), ENTRIES);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamWriter xml = Xml.writer(out);
        try {
            write(xml, query, records);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the Atom feed", e);
        }
        return out.toByteArray();
    }

    /** The ids of every published record the search matches, or null for "all of them" (no criteria). */
    private List<UUID> matchingIds(Map<String, List<String>> query) {
        Map<String, List<String>> paged = new LinkedHashMap<>(query);
        paged.put("limit", List.of(String.valueOf(PAGE)));
        paged.put("sort", List.of("newest"));
        boolean criteria = CRITERIA.stream().anyMatch(name -> query.getOrDefault(name, List.of()).stream()
                .anyMatch(v -> v != null && !v.isBlank()));
        if (!criteria) {
            paged.put("limit", List.of("1"));
            search.search(paged); // checks lang like any search would
            return null;
        }
        List<UUID> ids = new ArrayList<>();
        String cursor = null;
        do {
            if (cursor != null) {
                paged.put("cursor", List.of(cursor));
            }
            SearchResponse page = search.search(paged);
            for (ResultSummary hit : page.results()) {
                ids.add(UUID.fromString(hit.id()));
            }
            cursor = page.nextCursor();
        } while (cursor != null && ids.size() < MAX_MATCHES);
        return ids;
    }

    private void write(XMLStreamWriter xml, Map<String, List<String>> query, List<Resource> records)
            throws XMLStreamException {
        String lang = first(query, "lang");
        String canonical = canonicalQuery(query);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(ATOM);
        xml.writeAttribute("xml", XML, "lang", "en");
        Xml.element(xml, "id", site.url("/feeds/atom") + (canonical.isEmpty() ? "" : "?" + canonical));
        Xml.element(xml, "title", title(query));
        Xml.element(xml, "subtitle", "The " + ENTRIES + " matching records of the AI for Education Clearinghouse "
                + "published or updated last, newest first.");
        Instant updated = records.stream().map(Resource::updatedAt).max(Instant::compareTo)
                .orElseGet(() -> Instant.now());
        Xml.element(xml, "updated", timestamp(updated));
        link(xml, "self", MEDIA_TYPE, site.url("/feeds/atom") + (canonical.isEmpty() ? "" : "?" + canonical));
        link(xml, "alternate", "application/json", site.url("/api/v1/search") + (canonical.isEmpty() ? "" : "?" + canonical));
        xml.writeStartElement("author");
        Xml.element(xml, "name", "AI for Education Clearinghouse");
        Xml.element(xml, "uri", site.url("/"));
        xml.writeEndElement();
        xml.writeStartElement("generator");
        xml.writeAttribute("uri", site.url("/"));
        xml.writeCharacters("AI for Education Clearinghouse");
        xml.writeEndElement();
        for (Resource record : records) {
            entry(xml, record, lang);
        }
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private void entry(XMLStreamWriter xml, Resource record, String lang) throws XMLStreamException {
        ResourceContent c = record.content();
        Translation translation = lang == null || lang.equals(c.originalLanguage()) ? null : c.translations().get(lang);
        String resourceUrl = site.url("/api/v1/resources/" + record.slug());
        xml.writeStartElement("entry");
        Xml.element(xml, "id", "urn:uuid:" + record.id());
        textElement(xml, "title", translation != null ? translation.title() : c.title(),
                translation != null ? lang : c.originalLanguage());
        Xml.element(xml, "updated", timestamp(record.updatedAt()));
        if (record.createdAt() != null) {
            Xml.element(xml, "published", timestamp(record.createdAt()));
        }
        xml.writeStartElement("author");
        Xml.element(xml, "name", c.publisher());
        xml.writeEndElement();
        // The record's web page, in the feed's language when the site speaks it: what a feed reader opens.
        String pageLang = org.clearinghouse.web.Lang.of(lang).orElse(org.clearinghouse.web.Lang.DEFAULT).code();
        link(xml, "alternate", "text/html", site.url("/" + pageLang + "/resources/" + record.slug()));
        link(xml, "alternate", "application/json", resourceUrl);
        link(xml, "alternate", "application/ld+json", resourceUrl + "?format=jsonld");
        link(xml, "related", null, c.url());
        boolean translatedSummary = translation != null && translation.summary() != null;
        textElement(xml, "summary", translatedSummary ? translation.summary() : c.summary(),
                translatedSummary ? lang : c.originalLanguage());
        category(xml, c.type(), "types", vocabularies.label("types", c.type(), lang));
        for (String theme : c.themes()) {
            category(xml, theme, "themes", vocabularies.label("themes", theme, lang));
        }
        if (vocabularies.codes("licenses").contains(c.license()) && !c.license().equals("unknown")) {
            Xml.element(xml, "rights", vocabularies.label("licenses", c.license(), "en"));
        }
        xml.writeEndElement();
    }

    private void category(XMLStreamWriter xml, String term, String vocabulary, String label) throws XMLStreamException {
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", term);
        xml.writeAttribute("scheme", site.url("/api/v1/vocabularies#" + vocabulary));
        xml.writeAttribute("label", label);
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        if (type != null) {
            xml.writeAttribute("type", type);
        }
        xml.writeAttribute("href", href);
    }

    private static void textElement(XMLStreamWriter xml, String name, String text, String language) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("xml", XML, "lang", language);
        xml.writeCharacters(Xml.clean(text));
        xml.writeEndElement();
    }

    /** "New in the AI for Education Clearinghouse: Policy; Africa; Teachers; "chatbots"" and the like. */
    private String title(Map<String, List<String>> query) {
        List<String> parts = new ArrayList<>();
        String lang = first(query, "lang");
        Map<String, String> vocabularyOf = Map.of("type", "types", "country", "countries", "region", "regions",
                "theme", "themes", "level", "levels", "audience", "audiences", "language", "languages", "license", "licenses");
        for (String name : CRITERIA) {
            for (String raw : query.getOrDefault(name, List.of())) {
                for (String value : name.equals("q") ? List.of(raw) : List.of(raw.split(","))) {
                    String v = value.trim();
                    if (v.isEmpty()) {
                        continue;
                    }
                    String vocabulary = vocabularyOf.get(name);
                    parts.add(switch (name) {
                        case "q" -> "\u201c" + v + "\u201d";
                        case "year_from" -> "from " + v;
                        case "year_to" -> "until " + v;
                        case "open" -> "open: " + v;
                        default -> vocabularies.label(vocabulary, name.equals("country") ? v.toUpperCase(java.util.Locale.ROOT) : v,
                                lang);
                    });
                }
            }
        }
        String base = "AI for Education Clearinghouse: new resources";
        return parts.isEmpty() ? base : base + " \u2014 " + String.join("; ", parts);
    }

    private static Map<String, List<String>> searchParameters(Map<String, List<String>> params) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (!OWN.contains(name)) {
                query.put(name, List.copyOf(values));
            }
        });
        return query;
    }

    /** The search's parameters sorted by name then value, URL-encoded: the same feed always has the same id. */
    static String canonicalQuery(Map<String, List<String>> params) {
        Map<String, Set<String>> sorted = new TreeMap<>();
        params.forEach((name, values) -> {
            if (!OWN.contains(name)) {
                for (String value : values) {
                    if (value != null && !value.isBlank()) {
                        sorted.computeIfAbsent(name, k -> new java.util.TreeSet<>()).add(value.trim());
                    }
                }
            }
        });
        List<String> pairs = new ArrayList<>();
        sorted.forEach((name, values) -> values.forEach(value -> pairs.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return String.join("&", pairs);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.getOrDefault(name, List.of());
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** RFC 3339 in UTC, to the second. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
