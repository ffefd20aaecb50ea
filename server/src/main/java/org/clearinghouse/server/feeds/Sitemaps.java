package org.clearinghouse.server.feeds;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.config.SiteConfig;
import org.clearinghouse.server.persistence.ResourceRepository;
import org.clearinghouse.server.persistence.ResourceRepository.ResourceLocation;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * Sitemaps (sitemaps.org 0.9) of every published record's page ({@code /en/resources/{slug}}) and of every country
 * page ({@code /en/countries/{ISO}}) whose country has published records, each with
 * {@code lastmod}. One {@code urlset} while everything fits in {@link #MAX_URLS}; past that {@code /sitemap.xml}
 * becomes a {@code sitemapindex} of parts {@code /sitemaps/{n}.xml}: the records in id order, split every
 * {@code maxUrls}, then the country pages (one part: there are fewer than 250 countries). Written as it is read, so memory stays flat. Knows nothing
 * of HTTP.
 */
public final class Sitemaps {
    public static final String MEDIA_TYPE = "application/xml";
    /** The sitemaps.org limit of URLs in one file. */
    public static final int MAX_URLS = 50_000;
    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final int BATCH = 1_000;

    private final ResourceRepository repository;
    private final Vocabularies vocabularies;
    private final SiteConfig site;
    private final int maxUrls;

    public Sitemaps(ResourceRepository repository, Vocabularies vocabularies, SiteConfig site) {
        this(repository, vocabularies, site, MAX_URLS);
    }

    /** {@code maxUrls}: URLs per file (tests make it small to see the index without 50,000 records). */
    public Sitemaps(ResourceRepository repository, Vocabularies vocabularies, SiteConfig site, int maxUrls) {
        if (maxUrls < 1 || maxUrls > MAX_URLS) {
            throw new IllegalArgumentException("maxUrls must be between 1 and " + MAX_URLS);
        }
        this.repository = repository;
        this.vocabularies = vocabularies;
        this.site = site;
        this.maxUrls = maxUrls;
    }

    /**
     * The page of a country, in English: the canonical address of that language, whose page names its other
     * languages with {@code hreflang} links (the unprefixed address only redirects, so it is not listed).
     */
    public String countryUrl(String iso) {
        return site.url("/en/countries/" + iso);
    }

    /** The page of a published record, in English, by slug (see {@link #countryUrl}). */
    public String resourceUrl(String slug) {
        return site.url("/en/resources/" + slug);
    }

    /** {@code /sitemap.xml}: the whole sitemap when it fits in one file, else the index of its parts. */
    public void writeRoot(OutputStream out) {
        Layout layout = layout();
        write(out, xml -> {
            if (layout.parts() == 0) {
                urlset(xml, 0, layout.records(), layout.countries());
            } else {
                sitemapIndex(xml, layout);
            }
        });
    }

    /** {@code /sitemaps/{n}.xml}, n from 1: a {@link NotFoundException} when the sitemap is not split or has no such part. */
    public void writePart(int part, OutputStream out) {
        Layout layout = requirePart(part);
        write(out, xml -> {
            if (part <= layout.recordParts()) {
                long offset = (long) (part - 1) * maxUrls;
                urlset(xml, offset, Math.min(maxUrls, layout.records() - offset), Map.of());
            } else {
                urlset(xml, 0, 0, countryChunk(layout, part));
            }
        });
    }

    /** How many parts the sitemap has: 0 when {@code /sitemap.xml} holds everything. */
    public int parts() {
        return layout().parts();
    }

    /** A {@link NotFoundException} unless the sitemap has this part (so nothing is written before the answer is known). */
    public Layout requirePart(int part) {
        Layout layout = layout();
        if (part < 1 || part > layout.parts()) {
            throw new NotFoundException(layout.parts() == 0 ? "the sitemap has a single file: /sitemap.xml"
                    : "the sitemap has parts 1 to " + layout.parts());
        }
        return layout;
    }

    /** How the sitemap is split. */
    public record Layout(long records, Map<String, Instant> countries, int recordParts, int parts) {
    }

    private Layout layout() {
        long records = repository.countByStatus(Status.PUBLISHED);
        Map<String, Instant> countries = new TreeMap<>();
        repository.publishedJurisdictionsLastChanged().forEach((code, changed) -> {
            if (vocabularies.codes("countries").contains(code)) {
                countries.put(code, changed);
            }
        });
        if (records + countries.size() <= maxUrls) {
            return new Layout(records, countries, 0, 0);
        }
        int recordParts = (int) ((records + maxUrls - 1) / maxUrls);
        int countryParts = (countries.size() + maxUrls - 1) / maxUrls;
        return new Layout(records, countries, recordParts, recordParts + countryParts);
    }

    /** The country pages of a part after the record parts. */
    private Map<String, Instant> countryChunk(Layout layout, int part) {
        int skip = (part - layout.recordParts() - 1) * maxUrls;
        Map<String, Instant> chunk = new TreeMap<>();
        layout.countries().entrySet().stream().skip(skip).limit(maxUrls).forEach(e -> chunk.put(e.getKey(), e.getValue()));
        return chunk;
    }

    private void urlset(XMLStreamWriter xml, long offset, long count, Map<String, Instant> countries)
            throws XMLStreamException {
        xml.writeStartElement("urlset");
        xml.writeDefaultNamespace(NAMESPACE);
        long done = 0;
        while (done < count) {
            List<ResourceLocation> batch = repository.publishedLocations(Math.toIntExact(offset + done),
                    (int) Math.min(BATCH, count - done));
            if (batch.isEmpty()) {
                break;
            }
            for (ResourceLocation location : batch) {
                url(xml, resourceUrl(location.slug()), location.updatedAt());
            }
            done += batch.size();
        }
        for (Map.Entry<String, Instant> country : countries.entrySet()) {
            url(xml, countryUrl(country.getKey()), country.getValue());
        }
        if (done == 0 && countries.isEmpty()) {
            // sitemap.xsd wants at least one url: an empty catalogue lists its home page
            url(xml, site.url("/en/"), null);
        }
        xml.writeEndElement();
    }

    private void sitemapIndex(XMLStreamWriter xml, Layout layout) throws XMLStreamException {
        xml.writeStartElement("sitemapindex");
        xml.writeDefaultNamespace(NAMESPACE);
        for (int part = 1; part <= layout.parts(); part++) {
            Optional<Instant> lastmod;
            if (part <= layout.recordParts()) {
                lastmod = repository.publishedLocationsLastChanged((part - 1) * maxUrls, maxUrls);
            } else {
                lastmod = countryChunk(layout, part).values().stream().max(Instant::compareTo);
            }
            xml.writeStartElement("sitemap");
            Xml.element(xml, "loc", site.url("/sitemaps/" + part + ".xml"));
            if (lastmod.isPresent()) {
                Xml.element(xml, "lastmod", w3c(lastmod.get()));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void url(XMLStreamWriter xml, String loc, Instant lastmod) throws XMLStreamException {
        xml.writeStartElement("url");
        Xml.element(xml, "loc", loc);
        if (lastmod != null) {
            Xml.element(xml, "lastmod", w3c(lastmod));
        }
        xml.writeEndElement();
    }

    /** W3C Datetime in UTC, to the second. */
    static String w3c(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static void write(OutputStream out, Body body) {
        XMLStreamWriter xml = Xml.writer(out);
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the sitemap", e);
        }
    }
}
