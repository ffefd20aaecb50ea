package org.clearinghouse.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.clearinghouse.server.catalogue.ResourceValidator;
import org.clearinghouse.server.catalogue.Translation;
import org.clearinghouse.server.catalogue.UrlKey;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * The real public corpora of {@code shared/data} (see its README for sources and licences), read into
 * {@link SourceRecord}s by type. CSV through Apache Commons CSV, JSON through Jackson, the Markdown lists with
 * a few patterns. A corpus that is missing is skipped; each type needs at least one.
 */
final class Corpora {
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final Pattern MD_LINK_BULLET = Pattern.compile("^\\* \\[([^\\]]+)]\\((https?://[^)\\s]+)\\)\\s*[-:–]?\\s*(.*)$");
    private static final Pattern VISIT = Pattern.compile("^\\[Visit]\\((https?://[^)\\s]+)\\)");
    private static final Pattern REDIRECT_SLUG = Pattern.compile("/redirect/([^/?#]+)");

    private final Map<String, List<SourceRecord>> byType;
    private final List<String> notes;

    private Corpora(Map<String, List<SourceRecord>> byType, List<String> notes) {
        this.byType = byType;
        this.notes = notes;
    }

    /** Every entry of one type, in a fixed order (corpus by corpus, file order). */
    List<SourceRecord> of(String type) {
        return byType.getOrDefault(type, List.of());
    }

    int size() {
        return byType.values().stream().mapToInt(List::size).sum();
    }

    /** One line per corpus: what was read, or why it was skipped. */
    List<String> notes() {
        return notes;
    }

    /** The conventional place of the corpora: {@code shared/data} beside the project (searched upwards from the working directory). */
    static Path locate() {
        String configured = System.getenv("CLEARINGHOUSE_BENCH_CORPORA");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        List<Path> starts = new ArrayList<>(List.of(Path.of("").toAbsolutePath()));
        try {
            // The jar (server/target/clearinghouse-server.jar) or classes directory: the project is above it.
            starts.add(Path.of(Corpora.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | RuntimeException e) {
            // only the working directory, then
        }
        for (Path start : starts) {
            Path found = searchUpwards(start);
            if (found != null) {
                return found;
            }
        }
        return Path.of("..", "shared", "data").toAbsolutePath().normalize();
    }

    private static Path searchUpwards(Path start) {
        Path dir = start;
        for (int i = 0; i < 5 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
            candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        return null;
    }

    static Corpora load(Path root, Vocabularies vocabularies, ObjectMapper mapper) {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("the corpora folder " + root + " does not exist: give --corpora DIR (the"
                    + " project's shared/data) or set CLEARINGHOUSE_BENCH_CORPORA");
        }
        Reading reading = new Reading(root, vocabularies, mapper);
        reading.courses();
        reading.tools();
        reading.policies();
        reading.regulations();
        reading.practices();
        Map<String, List<SourceRecord>> byType = new LinkedHashMap<>();
        for (String type : ResourceValidator.TYPES) {
            List<SourceRecord> records = reading.records.getOrDefault(type, List.of());
            if (records.isEmpty()) {
                throw new IllegalStateException("no corpus in " + root + " gave any " + type
                        + " records; expected the folders described in shared/data/README.md. Read: " + reading.notes);
            }
            byType.put(type, List.copyOf(records));
        }
        return new Corpora(byType, List.copyOf(reading.notes));
    }

    /** The reading of one corpus folder: collects records, de-duplicates URLs, notes what it read. */
    private static final class Reading {
        private final Path root;
        private final ObjectMapper mapper;
        private final Map<String, String> countryByName;
        private final Map<String, List<SourceRecord>> records = new HashMap<>();
        private final Set<String> urlKeys = new HashSet<>();
        private final List<String> notes = new ArrayList<>();

        Reading(Path root, Vocabularies vocabularies, ObjectMapper mapper) {
            this.root = root;
            this.mapper = mapper;
            this.countryByName = countryNames(vocabularies);
        }

        private void add(SourceRecord record) {
            if (record.title() == null || record.title().isBlank() || record.summary() == null || record.summary().isBlank()) {
                return;
            }
            String url = usableUrl(record.url());
            // Two entries with one URL would collide on the catalogue's unique URL key: the later one gets a made-up URL.
            if (url != null && !urlKeys.add(UrlKey.of(url))) {
                url = null;
            }
            records.computeIfAbsent(record.type(), t -> new ArrayList<>()).add((url == record.url() ? record : record.withUrl(url)).normalized());
        }

        private void corpus(String name, Path path, Consumer<Path> reader) {
            if (!Files.exists(path)) {
                notes.add(name + ": skipped, " + root.relativize(path) + " not found");
                return;
            }
            int before = records.values().stream().mapToInt(List::size).sum();
            reader.accept(path);
            int after = records.values().stream().mapToInt(List::size).sum();
            notes.add(name + ": " + (after - before) + " entries");
        }

        // ---- courses: edX, Coursera, Coursehub's Course_info, Udemy -------------------------------------------

        void courses() {
            Path mooc = root.resolve("mooc-catalogs");
            corpus("mooc-catalogs/edx_courses.csv", mooc.resolve("edx_courses.csv"), path -> csv(path, r -> {
                String language = edxLanguage(r.get("language"));
                String hours = effortHours(r.get("course_effort"), r.get("course_length"));
                Map<String, String> hints = new HashMap<>();
                hints.put("provider", "edX: " + r.get("institution"));
                hints.put("level", courseLevel(r.get("Level")));
                hints.put("cost", "free");
                hints.put("certificate", "paid");
                hints.put("format", r.get("course_type").toLowerCase(Locale.ROOT).contains("self-paced") ? "self_paced" : "scheduled");
                if (hours != null) {
                    hints.put("hours", hours);
                }
                add(new SourceRecord("course", "edx", r.get("title"), join(r.get("summary"), r.get("course_description")),
                        language, null, r.get("course_url"), r.get("institution"), List.of(), null,
                        keywords(r.get("subject")), hints));
            }));
            corpus("mooc-catalogs/Course_info.csv", mooc.resolve("Course_info.csv"), path -> csv(path, r -> {
                Map<String, String> hints = new HashMap<>();
                hints.put("provider", "Coursera: " + r.get("institution"));
                hints.put("level", courseLevel(r.get("Level")));
                hints.put("cost", "free");
                hints.put("certificate", "paid");
                hints.put("format", "self_paced");
                String hours = firstNumber(r.get("Study time"));
                if (hours != null) {
                    hints.put("hours", hours);
                }
                String description = r.get("Description").replace("What you'll learn", "").replace('\n', ' ').strip();
                add(new SourceRecord("course", "coursera", r.get("name"),
                        description.isEmpty() ? "A Coursera course by " + r.get("institution") + "." : description,
                        "en", null, r.get("course_url"), r.get("institution"), List.of(), null, List.of(), hints));
            }));
            corpus("mooc-catalogs/Coursera_courses.csv", mooc.resolve("Coursera_courses.csv"), path -> csv(path, r -> {
                Map<String, String> hints = Map.of("provider", "Coursera: " + r.get("institution"), "cost", "free",
                        "certificate", "paid", "format", "self_paced");
                add(new SourceRecord("course", "coursera", r.get("name"),
                        r.get("name") + ": an online course by " + r.get("institution") + " on Coursera.",
                        "en", null, r.get("course_url"), r.get("institution"), List.of(), null, List.of(), hints));
            }));
            corpus("mooc-catalogs/udemy_courses.csv", mooc.resolve("udemy_courses.csv"), path -> csv(path, r -> {
                boolean paid = "True".equalsIgnoreCase(r.get("is_paid"));
                Map<String, String> hints = new HashMap<>();
                hints.put("provider", "Udemy");
                hints.put("level", courseLevel(r.get("level")));
                hints.put("cost", paid ? "paid" : "free");
                hints.put("certificate", paid ? "paid" : "none");
                hints.put("format", "self_paced");
                hints.put("hours", r.get("content_duration"));
                String timestamp = r.get("published_timestamp");
                Integer year = timestamp.length() >= 4 ? parseYear(timestamp.substring(0, 4)) : null;
                String title = r.get("course_title");
                add(new SourceRecord("course", "udemy", title,
                        title + ". A " + r.get("subject") + " course on Udemy (" + r.get("level") + ", "
                                + r.get("num_lectures") + " lectures, " + r.get("content_duration") + " hours of video).",
                        latinOrOther(title), null, r.get("url"), "Udemy", List.of(), year, keywords(r.get("subject")), hints));
            }));
        }

        // ---- tools: the AI Collection directory, with its translations ---------------------------------------

        void tools() {
            Path dir = root.resolve("ai-tools-aicollection");
            corpus("ai-tools-aicollection", dir.resolve("README.md"), path -> {
                List<ToolEntry> english = toolEntries(path);
                Map<String, Map<String, ToolEntry>> translated = new LinkedHashMap<>();
                for (String[] lf : new String[][] {{"es", "README.es.md"}, {"fr", "README.fr.md"}, {"ru", "README.ru.md"},
                        {"zh", "README.zh-CN.md"}, {"hi", "README.hi.md"}}) {
                    Path file = dir.resolve(lf[1]);
                    if (Files.exists(file)) {
                        Map<String, ToolEntry> bySlug = new HashMap<>();
                        toolEntries(file).forEach(e -> bySlug.putIfAbsent(e.slug, e));
                        translated.put(lf[0], bySlug);
                    }
                }
                Set<String> seen = new HashSet<>();
                for (ToolEntry e : english) {
                    if (!seen.add(e.slug)) {
                        continue;
                    }
                    Map<String, Translation> translations = new LinkedHashMap<>();
                    translated.forEach((language, bySlug) -> {
                        ToolEntry t = bySlug.get(e.slug);
                        if (t != null && !t.tagline.isBlank()) {
                            translations.put(language, new Translation(clip(t.name + ": " + t.tagline, 300),
                                    t.description.isBlank() ? null : clip(t.description, 4000), "machine"));
                        }
                    });
                    add(new SourceRecord("tool", "aicollection", clip(e.name + ": " + e.tagline, 300),
                            e.description.isBlank() ? e.tagline : e.description, "en", translations, e.url, e.name,
                            List.of(), null, keywords(e.category), Map.of("category", e.category)));
                }
            });
        }

        private record ToolEntry(String category, String name, String tagline, String url, String slug, String description) {
        }

        /** {@code ## category}, {@code ### name}, {@code #### tagline}, {@code [Visit](url)}, then a paragraph. */
        private List<ToolEntry> toolEntries(Path file) {
            List<ToolEntry> entries = new ArrayList<>();
            List<String> lines = lines(file);
            String category = "";
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("## ")) {
                    category = line.substring(3).strip();
                } else if (line.startsWith("### ")) {
                    String name = line.substring(4).strip();
                    String tagline = "";
                    String url = null;
                    StringBuilder description = new StringBuilder();
                    int j = i + 1;
                    for (; j < lines.size() && !lines.get(j).startsWith("### ") && !lines.get(j).startsWith("## "); j++) {
                        String l = lines.get(j).strip();
                        Matcher visit = VISIT.matcher(l);
                        if (l.startsWith("#### ")) {
                            tagline = l.substring(5).strip();
                        } else if (visit.find()) {
                            url = visit.group(1);
                        } else if (url != null && !l.isEmpty() && !l.startsWith("[") && !l.startsWith("<") && description.length() == 0) {
                            description.append(l);
                        }
                    }
                    if (url != null) {
                        Matcher slug = REDIRECT_SLUG.matcher(url);
                        if (slug.find()) {
                            entries.add(new ToolEntry(category, name, tagline, url, slug.group(1), description.toString()));
                        }
                    }
                    i = j - 1;
                }
            }
            return entries;
        }

        // ---- policies: OECD.AI initiatives, EthicalML guidelines, the UK and US plans ------------------------

        void policies() {
            corpus("oecd-ai-policies-lsempe77", root.resolve("oecd-ai-policies-lsempe77/master_dataset.csv"), path -> csv(path, r -> {
                String jurisdiction = countryByName.get(normalName(r.get("jurisdiction")));
                String policyType = r.get("policy_type");
                String binding = r.get("binding_nature");
                boolean law = binding.equals("Hard law") || binding.equals("Binding regulation");
                boolean regulation = law && Set.of("Legislation", "Regulation", "Executive Order", "Directive", "Decision",
                        "Ordinance", "Regulatory Framework").contains(policyType);
                Integer year = parseYear(r.get("year"));
                String where = r.get("jurisdiction").isBlank() ? "" : " of " + r.get("jurisdiction");
                String summary = (policyType.isBlank() ? "AI policy initiative" : policyType) + where
                        + (year == null ? "" : " (" + year + ")") + ": " + r.get("title") + ". "
                        + (binding.isBlank() ? "" : binding + " instrument") + (r.get("region").isBlank() || r.get("region").equals("Unknown")
                        ? "" : ", " + r.get("region")) + (r.get("income_group").isBlank() || r.get("income_group").equals("Unknown")
                        ? "" : ", " + r.get("income_group") + " economy") + ". Listed in the OECD.AI policy observatory.";
                Map<String, String> hints = new HashMap<>();
                hints.put("instrument", instrumentType(policyType));
                hints.put("binding", Boolean.toString(law));
                hints.put("status", "in_force");
                add(new SourceRecord(regulation ? "regulation" : "policy", "oecd", r.get("title"), summary, "en", null, null,
                        publisherOf(r.get("jurisdiction")), jurisdiction == null ? List.of() : List.of(jurisdiction), year,
                        keywords(policyType), hints));
            }));
            corpus("ai-guidelines-ethicalml", root.resolve("ai-guidelines-ethicalml/README.md"), path -> {
                String section = "";
                for (String line : lines(path)) {
                    if (line.startsWith("## ")) {
                        section = line.substring(3).strip();
                        continue;
                    }
                    Matcher m = MD_LINK_BULLET.matcher(line.strip());
                    if (m.matches()) {
                        String description = stripMarkdown(m.group(3));
                        String country = countryByName.get(normalName(section));
                        String title = stripMarkdown(m.group(1));
                        boolean law = title.matches("(?i).*\\b(act|law|regulation|gdpr)\\b.*");
                        add(new SourceRecord(law ? "regulation" : "policy", "ethicalml", title,
                                description.isBlank() ? title + " (" + section + ")" : description, "en", null, m.group(2),
                                section.isBlank() ? "EthicalML list" : section, country == null ? List.of() : List.of(country), null,
                                keywords(section), Map.of("instrument", "guidance", "binding", Boolean.toString(law),
                                        "status", "in_force")));
                    }
                }
            });
            Path csa = root.resolve("ai-regulation-texts-csa");
            corpus("ai-regulation-texts-csa/gov.uk", csa.resolve("gov.uk/ai-opportunities-action-plan/ai-opportunities-action-plan-sections.csv"),
                    path -> csv(path, r -> add(new SourceRecord("policy", "csa-uk", "AI Opportunities Action Plan: " + r.get("section_name"),
                            stripMarkdown(r.get("body")), "en", null, "https://www.gov.uk/government/publications/ai-opportunities-action-plan",
                            "Department for Science, Innovation and Technology", List.of("GB"), 2025, List.of("AI Opportunities Action Plan"),
                            Map.of("instrument", "action_plan", "status", "in_force")))));
            corpus("ai-regulation-texts-csa/whitehouse.gov", csa.resolve("whitehouse.gov/nsm-ai-framework/nsm-ai-framework-sections.csv"),
                    path -> csv(path, r -> add(new SourceRecord("policy", "csa-us", "Framework to Advance AI Governance and Risk Management in National Security: "
                            + r.get("section_name"), stripMarkdown(r.get("body")), "en", null, "https://www.whitehouse.gov/", "The White House",
                            List.of("US"), 2024, List.of("national security memorandum"), Map.of("instrument", "framework", "status", "superseded")))));
        }

        // ---- regulations: California bills, EU AI Act, Colorado, China, SB 53 --------------------------------

        void regulations() {
            corpus("ca-ai-bills-2025-techequity", root.resolve("ca-ai-bills-2025-techequity/bill_data_with_success_status.csv"), path -> csv(path, r -> {
                String success = r.get("success");
                String status = switch (success) {
                    case "Signed" -> "adopted";
                    case "Vetoed", "Failed" -> "proposed";
                    default -> "proposed";
                };
                Map<String, String> hints = Map.of("authority", "California State Legislature", "binding", "true",
                        "status", status, "identifier", r.get("bill_number") + " (" + r.get("leg_session") + ")");
                add(new SourceRecord("regulation", "ca-bills", r.get("bill_number") + ": " + r.get("bill_name"),
                        r.get("bill_text"), "en", null, r.get("leginfo_link"), "California State Legislature", List.of("US"),
                        parseYear(r.get("date_introduced").length() >= 4 ? r.get("date_introduced").substring(0, 4) : ""),
                        keywords(r.get("assigned_topics").replace(", ", ";")), hints));
            }));
            Path csa = root.resolve("ai-regulation-texts-csa");
            Map<String, String> eu = Map.of("authority", "European Parliament and Council of the European Union", "binding", "true",
                    "status", "in_force", "identifier", "Regulation (EU) 2024/1689");
            corpus("ai-regulation-texts-csa/europa.eu articles", csa.resolve("europa.eu/ai-act/ai-act-articles.csv"), path -> csv(path, r ->
                    add(new SourceRecord("regulation", "eu-ai-act", "EU AI Act, Article " + r.get("article") + ": "
                            + r.get("article_name").replace("`", "").strip(), r.get("content"), "en", null,
                            "https://eur-lex.europa.eu/eli/reg/2024/1689/oj#art_" + r.get("article"), "European Union", List.of("EU"), 2024,
                            keywords("AI Act;" + r.get("chapter_name").toLowerCase(Locale.ROOT)), eu))));
            corpus("ai-regulation-texts-csa/europa.eu recitals", csa.resolve("europa.eu/ai-act/ai-act-recitals.csv"), path -> csv(path, r ->
                    add(new SourceRecord("regulation", "eu-ai-act", "EU AI Act, Recital " + r.get("recital"), r.get("content"), "en", null,
                            "https://eur-lex.europa.eu/eli/reg/2024/1689/oj#rct_" + r.get("recital"), "European Union", List.of("EU"), 2024,
                            List.of("AI Act", "recital"), eu))));
            corpus("ai-regulation-texts-csa/europa.eu annexes", csa.resolve("europa.eu/ai-act/ai-act-annexes.csv"), path -> csv(path, r ->
                    add(new SourceRecord("regulation", "eu-ai-act", "EU AI Act, Annex " + r.get("annex")
                            + (r.get("annex_name").isBlank() ? "" : ": " + r.get("annex_name")), r.get("content"), "en", null,
                            "https://eur-lex.europa.eu/eli/reg/2024/1689/oj#anx_" + r.get("annex"), "European Union", List.of("EU"), 2024,
                            List.of("AI Act", "annex"), eu))));
            corpus("ai-regulation-texts-csa/colorado.gov", csa.resolve("colorado.gov/ai-act/ai-act-sections.csv"), path -> csv(path, r ->
                    add(new SourceRecord("regulation", "colorado", "Colorado AI Act, " + r.get("section") + ": " + r.get("name"),
                            r.get("content"), "en", null, "https://leg.colorado.gov/bills/sb24-205#" + r.get("section"),
                            "Colorado General Assembly", List.of("US"), 2024, List.of("Colorado AI Act", "algorithmic discrimination"),
                            Map.of("authority", "Colorado General Assembly", "binding", "true", "status", "adopted",
                                    "identifier", "SB 24-205")))));
            corpus("ai-regulation-texts-csa/cac.gov.cn", csa.resolve("cac.gov.cn/genai-interim-measures/genai-interim-articles.csv"), path -> csv(path, r ->
                    add(new SourceRecord("regulation", "cac", "Interim Measures for the Management of Generative AI Services, Article "
                            + r.get("article") + (r.get("short_title").isBlank() ? "" : ": " + r.get("short_title")),
                            r.get("content").isBlank() ? "Chapter " + r.get("chapter") + ": " + r.get("chapter_name") : r.get("content"),
                            "en", null, "http://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm#art" + r.get("article"),
                            "Cyberspace Administration of China", List.of("CN"), 2023, List.of("generative AI", r.get("chapter_name")),
                            Map.of("authority", "Cyberspace Administration of China", "binding", "true", "status", "in_force",
                                    "identifier", "CAC Order No. 15")))));
            corpus("ai-regulation-texts-csa/ca.gov", csa.resolve("ca.gov/sb-53-transparency-in-frontier-ai-act/sb-53-transparency-in-frontier-ai-act-sections.csv"),
                    path -> csv(path, r -> add(new SourceRecord("regulation", "sb53", "Transparency in Frontier AI Act (SB 53): " + r.get("section_name"),
                            stripMarkdown(r.get("body")), "en", null,
                            "https://leginfo.legislature.ca.gov/faces/billNavClient.xhtml?bill_id=202520260SB53", "California State Legislature",
                            List.of("US"), 2025, List.of("frontier AI", "transparency"),
                            Map.of("authority", "California State Legislature", "binding", "true", "status", "adopted",
                                    "identifier", "SB 53 (2025)")))));
        }

        // ---- practices and research-like records: AI4EDU papers, ERIC, paperlists ----------------------------

        void practices() {
            Path ai4edu = root.resolve("ai4edu-papers-geminilight");
            corpus("ai4edu-papers-geminilight", ai4edu.resolve("papers.csv"), path -> {
                List<Path> files = new ArrayList<>(List.of(path));
                try (var listing = Files.list(ai4edu)) {
                    listing.filter(p -> p.getFileName().toString().matches("papers_\\d{4}_\\d{2}_.*\\.csv")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (Path file : files) {
                    csv(file, r -> {
                        Map<String, Translation> translations = new LinkedHashMap<>();
                        String zh = r.isMapped("zh_abstract") ? r.get("zh_abstract").strip() : "";
                        if (!zh.isEmpty()) {
                            translations.put("zh", new Translation(clip(firstClause(zh), 300), clip(zh, 4000), "machine"));
                        }
                        String summary = r.get("title") + ". " + r.get("section") + (r.get("group").isBlank() ? "" : ", " + r.get("group"))
                                + (r.get("category").isBlank() ? "" : ", " + r.get("category")) + ". Published by " + r.get("publisher")
                                + " (" + r.get("type") + ") by " + r.get("authors") + ".";
                        add(new SourceRecord("practice", "ai4edu", r.get("title"), summary, "en", translations, r.get("link"),
                                r.get("publisher").isBlank() ? "unknown" : r.get("publisher"), List.of(), parseYear(r.get("year")),
                                keywords(r.get("group") + ";" + r.get("category")), Map.of("evidence", "descriptive",
                                        "context", r.get("section"))));
                    });
                }
            });
            Path eric = root.resolve("eric-sociology-of-education");
            corpus("eric-sociology-of-education", eric, dir -> {
                try (var listing = Files.list(dir)) {
                    for (Path file : listing.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                        for (JsonNode doc : mapper.readTree(file.toFile()).path("response").path("docs")) {
                            String id = doc.path("id").asText();
                            String types = doc.path("publicationtype").toString();
                            String evidence = types.contains("Reports - Research") || types.contains("Reports - Evaluative")
                                    ? "evaluation" : types.contains("Reports - Descriptive") ? "descriptive" : "case_study";
                            List<String> subjects = new ArrayList<>();
                            doc.path("subject").forEach(s -> subjects.add(s.asText()));
                            String description = doc.path("description").asText("");
                            String publisher = doc.path("publisher").isArray() && doc.path("publisher").size() > 0
                                    ? doc.path("publisher").get(0).asText() : doc.path("publisher").asText("ERIC");
                            add(new SourceRecord("practice", "eric", doc.path("title").asText(),
                                    description.isBlank() ? doc.path("title").asText() + ". " + String.join(", ", subjects) : description,
                                    "en", null, "https://eric.ed.gov/?id=" + id, publisher.isBlank() ? "ERIC" : publisher, List.of(),
                                    doc.path("publicationdateyear").isInt() ? doc.path("publicationdateyear").asInt() : null,
                                    keywords(String.join(";", subjects)), Map.of("evidence", evidence,
                                            "context", subjects.isEmpty() ? "Education research" : String.join(", ", subjects))));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            corpus("paperlists", root.resolve("paperlists/paperlists-ai-papers.jsonl.gz"), path -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(path)),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        JsonNode p = mapper.readTree(line);
                        String title = p.path("title").asText("");
                        String abstractText = p.path("abstract").asText("");
                        List<String> countries = new ArrayList<>();
                        for (String name : p.path("aff_country_unique").asText("").split(";")) {
                            String code = countryByName.get(normalName(name));
                            if (code != null && !countries.contains(code) && countries.size() < 5) {
                                countries.add(code);
                            }
                        }
                        String venue = p.path("venue").asText("").toUpperCase(Locale.ROOT);
                        String keywordText = p.path("keywords").asText("") + ";" + p.path("primary_area").asText("");
                        add(new SourceRecord("practice", "paperlists", title,
                                abstractText.isBlank() ? title + ". A paper at " + venue + "." : abstractText, "en", null,
                                p.path("site").asText(null), venue.isBlank() ? "unknown" : venue, countries,
                                p.path("year").isInt() ? p.path("year").asInt() : null, keywords(keywordText),
                                Map.of("evidence", "descriptive", "context", "Research paper at " + venue + " (" + p.path("track").asText("main") + ")")));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        // ---- helpers ---------------------------------------------------------------------------------------

        private static void csv(Path path, Consumer<CSVRecord> each) {
            try (Reader reader = lenientUtf8(Files.newInputStream(path)); CSVParser parser = CSV.parse(reader)) {
                for (CSVRecord record : parser) {
                    if (record.isConsistent()) {
                        each.accept(record);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + path, e);
            }
        }

        private static List<String> lines(Path path) {
            try (BufferedReader reader = new BufferedReader(lenientUtf8(Files.newInputStream(path)))) {
                return reader.lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + path, e);
            }
        }

        /** Some files carry mojibake or stray bytes: read them as UTF-8 with replacement rather than fail. */
        private static Reader lenientUtf8(InputStream in) {
            return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        }

        private static Map<String, String> countryNames(Vocabularies vocabularies) {
            Map<String, String> names = new HashMap<>();
            for (String code : vocabularies.codes("countries")) {
                names.put(normalName(vocabularies.label("countries", code, "en")), code);
            }
            String[][] aliases = {
                    {"Korea", "KR"}, {"Republic of Korea", "KR"}, {"China (People’s Republic of)", "CN"}, {"Czech Republic", "CZ"},
                    {"Slovak Republic", "SK"}, {"Viet Nam", "VN"}, {"Turkey", "TR"}, {"Russian Federation", "RU"},
                    {"Hong Kong", "HK"}, {"Macau", "MO"}, {"Iran, Islamic Republic of", "IR"}, {"UK", "GB"}, {"USA", "US"},
                    {"United States of America", "US"}, {"Dubai", "AE"}, {"UAE", "AE"},
                    {"European Union", "EU"}, {"OECD/GPAI", "OECD"}, {"OECD", "OECD"}, {"African Union", "AFRICAN_UNION"},
                    {"G7", "G7"}, {"G20", "G20"}, {"The United Nations Educational, Scientific and Cultural Organization", "UNESCO"},
                    {"UNESCO", "UNESCO"}, {"Association of Southeast Asian Nations", "ASEAN"}, {"United Nations", "UN"},
                    {"Council of Europe", "COE"}, {"World Bank", "WORLD_BANK"}};
            for (String[] alias : aliases) {
                if (vocabularies.isJurisdiction(alias[1])) {
                    names.put(normalName(alias[0]), alias[1]);
                }
            }
            return names;
        }

        private static String normalName(String name) {
            return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        }

        private static String publisherOf(String jurisdiction) {
            return jurisdiction == null || jurisdiction.isBlank() ? "Government" : "Government of " + jurisdiction;
        }

        private static String instrumentType(String policyType) {
            return switch (policyType) {
                case "Strategy", "Strategic plan", "Vision", "Agenda" -> "strategy";
                case "Action Plan" -> "action_plan";
                case "Roadmap", "Road Map", "Blueprint" -> "roadmap";
                case "Guideline", "Standards", "Standard", "Instruction" -> "guidance";
                case "Framework", "Regulatory Framework", "Legislation", "Regulation", "Directive" -> "framework";
                case "Recommendation", "Recommendations" -> "recommendation";
                case "Declaration", "Resolution", "Charter", "Manifesto", "Joint Media Statement", "Position Statement" -> "declaration";
                case "Report", "White Paper", "Whitepaper", "Study", "Review", "Discussion Paper", "Research", "Technical Paper" -> "report";
                default -> "strategy";
            };
        }

        private static String edxLanguage(String name) {
            return switch (name.strip()) {
                case "Español" -> "es";
                case "Français" -> "fr";
                case "Italiano" -> "it";
                case "中文" -> "zh";
                case "Português" -> "pt";
                case "日本語" -> "ja";
                case "اللغة العربية" -> "ar";
                case "Deutsch" -> "de";
                default -> "en";
            };
        }

        /** Udemy titles are mostly English; a few are Chinese, Arabic or Spanish/Portuguese. */
        private static String latinOrOther(String title) {
            for (int i = 0; i < title.length(); i++) {
                Character.UnicodeScript script = Character.UnicodeScript.of(title.charAt(i));
                if (script == Character.UnicodeScript.HAN) {
                    return "zh";
                }
                if (script == Character.UnicodeScript.ARABIC) {
                    return "ar";
                }
            }
            return "en";
        }

        private static String courseLevel(String level) {
            String l = level == null ? "" : level.toLowerCase(Locale.ROOT);
            if (l.contains("intermediate")) {
                return "intermediate";
            }
            if (l.contains("advanced") || l.contains("expert")) {
                return "advanced";
            }
            return l.contains("introductory") || l.contains("beginner") ? "beginner" : null;
        }

        /** "2–3 hours per week" over "7 Weeks": about 17 hours. */
        private static String effortHours(String effort, String length) {
            String perWeek = firstNumber(effort);
            String weeks = firstNumber(length);
            if (perWeek == null || weeks == null) {
                return null;
            }
            return Double.toString(Double.parseDouble(perWeek) * Double.parseDouble(weeks));
        }

        private static String firstNumber(String text) {
            if (text == null) {
                return null;
            }
            Matcher m = Pattern.compile("\\d+(\\.\\d+)?").matcher(text);
            return m.find() ? m.group() : null;
        }

        private static Integer parseYear(String text) {
            try {
                int year = (int) Double.parseDouble(text.strip());
                return year >= 1800 && year <= 2030 ? year : null;
            } catch (NumberFormatException | NullPointerException e) {
                return null;
            }
        }

        private static List<String> keywords(String text) {
            if (text == null) {
                return List.of();
            }
            return Arrays.stream(text.split("[;|]")).map(String::strip).filter(k -> !k.isEmpty() && k.length() <= 100)
                    .distinct().limit(12).toList();
        }

        private static String join(String a, String b) {
            return (a == null ? "" : a.strip()) + (b == null || b.isBlank() ? "" : " " + b.strip());
        }

        private static String firstClause(String text) {
            int end = text.length();
            for (char c : new char[] {'，', '。', '；', ','}) {
                int i = text.indexOf(c);
                if (i > 0 && i < end) {
                    end = i;
                }
            }
            return text.substring(0, end);
        }

        private static String stripMarkdown(String text) {
            return text == null ? "" : text.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("[*_`#|]+", " ")
                    .replaceAll("-{3,}", " ").replaceAll("\\s+", " ").strip();
        }

        /** A URL the catalogue accepts (http(s), a dotted host, no spaces, at most 2,000 characters), or null. */
        private static String usableUrl(String url) {
            if (url == null || url.isBlank() || url.length() > 2000 || !url.matches("^https?://[^\\s]+$")) {
                return null;
            }
            try {
                URI uri = new URI(url);
                return uri.getHost() != null && uri.getHost().contains(".") ? url : null;
            } catch (URISyntaxException e) {
                return null;
            }
        }
    }

    /** Cuts a text to at most {@code max} characters, at a word boundary where one is near. */
    static String clip(String text, int max) {
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int cut = t.lastIndexOf(' ', max - 1);
        String head = t.substring(0, cut > max / 2 ? cut : max - 1).strip();
        if (Character.isHighSurrogate(head.charAt(head.length() - 1))) {
            head = head.substring(0, head.length() - 1);
        }
        return head + "…";
    }
}
