package org.clearinghouse.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.clearinghouse.server.catalogue.CourseDetails;
import org.clearinghouse.server.catalogue.PolicyDetails;
import org.clearinghouse.server.catalogue.PracticeDetails;
import org.clearinghouse.server.catalogue.RegulationDetails;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.Slugs;
import org.clearinghouse.server.catalogue.Status;
import org.clearinghouse.server.catalogue.ToolDetails;
import org.clearinghouse.server.catalogue.Translation;
import org.clearinghouse.server.persistence.NewResource;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * Turns the corpora into as many valid catalogue records as asked, deterministically: record {@code i} depends
 * only on the seed and {@code i}, so any record can be regenerated on its own (the query mix samples facet
 * values that way). Types follow a fixed mix; within a type the corpus entries are taken in a seeded order,
 * and once a type's entries are used up they are replicated with a new id, slug and URL and redrawn facets
 * (jurisdictions, year, themes, levels, audiences, languages, licence), keeping their real title and text.
 */
final class RecordGenerator {
    /** Out of every 20 records: 5 courses, 2 tools, 4 policies, 2 regulations, 7 practices. */
    private static final Map<String, Integer> TYPE_MIX = orderedCounts("course", 5, "tool", 2, "policy", 4, "regulation", 2, "practice", 7);
    private static final int CYCLE = 20;
    /** Countries in a rough order of how often they appear in catalogues like this one; the rest of the list follows. */
    private static final List<String> FREQUENT_COUNTRIES = List.of("US", "GB", "FR", "DE", "CN", "IN", "BR", "KE", "NG", "ZA", "ES",
            "MX", "CA", "AU", "JP", "KR", "EG", "MA", "SA", "AE", "AR", "CO", "CL", "PE", "ID", "PH", "VN", "TH", "PK", "BD", "ET", "GH",
            "RW", "UG", "TZ", "SN", "CI", "TN", "JO", "LB", "IT", "NL", "SE", "FI", "PL", "PT", "RU", "UA", "TR", "SG");
    private static final List<String> BODIES = List.of("EU", "UNESCO", "AFRICAN_UNION", "OECD", "UNICEF", "ASEAN", "COL", "WORLD_BANK");
    private static final List<String> EXTRA_LANGUAGES = List.of("en", "fr", "es", "ar", "ru", "zh", "pt", "sw", "de", "hi");
    private static final List<String> SDG4 = List.of("4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.a", "4.b", "4.c");
    private static final Map<String, List<String>> LICENSES = Map.of(
            "course", List.of("proprietary", "proprietary", "proprietary", "CC-BY-NC-SA-4.0", "CC-BY-4.0", "unknown", "CC-BY-SA-4.0"),
            "tool", List.of("proprietary", "proprietary", "proprietary", "MIT", "Apache-2.0", "unknown", "GPL-3.0-only", "AGPL-3.0-only"),
            "policy", List.of("unknown", "unknown", "CC-BY-4.0", "OGL-UK-3.0", "etalab-2.0", "CC-BY-3.0-IGO", "CC-BY-NC-SA-3.0-IGO", "CC0-1.0"),
            "regulation", List.of("unknown", "CC0-1.0", "CC-BY-4.0", "unknown", "CC-PDDC"),
            "practice", List.of("unknown", "CC-BY-4.0", "CC-BY-4.0", "CC-BY-NC-ND-4.0", "proprietary", "CC-BY-NC-4.0", "CC0-1.0"));
    /** Themes recognised in a record's text; each type has a default when none is. */
    private static final String[][] THEME_CUES = {
            {"teaching_teachers", "teacher|teaching|instruct|classroom|pedagog|tutor"},
            {"learning_assessment", "assess|exam|grading|test score|evaluation of learning|feedback"},
            {"ethics_data_privacy", "ethic|privacy|personal data|data protection|trustworth|bias|discriminat|safety"},
            {"policy_planning", "policy|strategy|government|national plan|governance|regulat"},
            {"gender_equality", "gender|women|girls|female"},
            {"equity_inclusion", "inclusi|equity|disabilit|disadvantaged|poverty|rural|minorit|race|racial"},
            {"ai_literacy_skills", "literacy|skills|machine learning|programming|python|data science|artificial intelligence"},
            {"lifelong_learning", "lifelong|adult|workforce|career|professional development|reskill"},
            {"education_management", "management|administration|school leader|principal|finance|budget"},
            {"monitoring_research", "research|survey|study|monitor|benchmark|dataset|analysis"}};
    private static final String[][] CUE_WORDS = java.util.Arrays.stream(THEME_CUES).map(c -> c[1].split("\\|")).toArray(String[][]::new);
    private static final Map<String, String> DEFAULT_THEME = Map.of("course", "ai_literacy_skills", "tool", "teaching_teachers",
            "policy", "policy_planning", "regulation", "ethics_data_privacy", "practice", "monitoring_research");

    private final long seed;
    private final Vocabularies vocabularies;
    private final ObjectMapper mapper;
    private final String[] slotType = new String[CYCLE];
    private final int[] slotRank = new int[CYCLE];
    private final Map<String, List<SourceRecord>> sources = new LinkedHashMap<>();
    private final List<String> countries;

    RecordGenerator(Corpora corpora, Vocabularies vocabularies, ObjectMapper mapper, long seed) {
        this.seed = seed;
        this.vocabularies = vocabularies;
        this.mapper = mapper;
        Random shuffle = new Random(seed);
        List<String> slots = new ArrayList<>();
        TYPE_MIX.forEach((type, count) -> slots.addAll(Collections.nCopies(count, type)));
        Collections.shuffle(slots, shuffle);
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int s = 0; s < CYCLE; s++) {
            slotType[s] = slots.get(s);
            slotRank[s] = seen.merge(slots.get(s), 1, Integer::sum) - 1;
        }
        for (String type : TYPE_MIX.keySet()) {
            List<SourceRecord> entries = new ArrayList<>(corpora.of(type));
            Collections.shuffle(entries, shuffle);
            sources.put(type, List.copyOf(entries));
        }
        List<String> all = new ArrayList<>(FREQUENT_COUNTRIES.stream().filter(vocabularies::isJurisdiction).toList());
        vocabularies.codes("countries").stream().filter(c -> !all.contains(c)).forEach(all::add);
        this.countries = List.copyOf(all);
    }

    /** The {@code i}-th record, published. */
    NewResource generate(long i) {
        return generate(i, Status.PUBLISHED, null);
    }

    /**
     * A record with a made-up word in its title that nothing else contains, not yet published: publishing it
     * and searching for the word measures how soon a change becomes searchable.
     */
    NewResource probe(long i, String token) {
        return generate(i, Status.PENDING, token);
    }

    /** The {@code i}-th record's content as the JSON a contributor would submit, for {@code ResourceValidator}. */
    JsonNode json(NewResource resource) {
        return mapper.valueToTree(resource.content());
    }

    private NewResource generate(long i, String status, String titlePrefix) {
        int slot = (int) (i % CYCLE);
        String type = slotType[slot];
        long k = (i / CYCLE) * TYPE_MIX.get(type) + slotRank[slot];
        List<SourceRecord> entries = sources.get(type);
        SourceRecord src = entries.get((int) (k % entries.size()));
        long replica = k / entries.size();
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        UUID id = new UUID((rng.nextLong() & ~0xF000L) | 0x4000L, (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);

        String title = Corpora.clip((titlePrefix == null ? "" : titlePrefix + " ") + src.title(), 300);
        String summary = Corpora.clip(src.summary(), 4000);
        String text = (title + " " + summary).toLowerCase(Locale.ROOT);
        String language = vocabularies.codes("languages").contains(src.language()) ? src.language() : "en";
        Map<String, Translation> translations = new LinkedHashMap<>(src.translations());
        translations.remove(language);

        String slug = Slugs.fromTitle(title, type, id) + "-" + Long.toString(i, 36);
        String url = replica == 0 && src.url() != null && titlePrefix == null ? src.url()
                : "https://bench.example.org/" + src.source() + "/" + slug;

        List<String> jurisdictions = jurisdictions(src, type, replica, rng);
        Integer year = year(src, type, replica, rng);
        String published = year == null ? null : rng.nextInt(10) < 4 ? String.format("%d-%02d", year, 1 + rng.nextInt(12)) : year.toString();

        Set<String> languages = new LinkedHashSet<>();
        languages.add(language);
        languages.addAll(translations.keySet());
        if (rng.nextInt(100) < 15) {
            languages.add(EXTRA_LANGUAGES.get(rng.nextInt(EXTRA_LANGUAGES.size())));
        }

        List<String> licenses = LICENSES.get(type);
        String license = licenses.get(rng.nextInt(licenses.size()));
        String publisher = Corpora.clip(src.publisher() == null || src.publisher().isBlank() ? "unknown" : src.publisher(), 300);
        List<String> keywords = src.keywords().stream().limit(50).toList();

        ResourceContent content = new ResourceContent(type, title, summary, language, translations, url, List.copyOf(languages),
                jurisdictions, publisher, license, published, themes(type, text, rng), levels(type, src, text, rng),
                audiences(type, text, rng), sdg4(rng), keywords,
                type.equals("course") ? course(src, rng) : null,
                type.equals("tool") ? tool(rng) : null,
                type.equals("policy") ? new PolicyDetails(publisher, hint(src, "instrument", "strategy"), hint(src, "status", "in_force"),
                        year == null ? null : year.toString()) : null,
                type.equals("regulation") ? new RegulationDetails(Corpora.clip(hint(src, "authority", publisher), 300),
                        !"false".equals(src.hint("binding")), src.hint("identifier"), null, regulationStatus(src.hint("status"))) : null,
                type.equals("practice") ? new PracticeDetails(Corpora.clip(hint(src, "context", "Education research"), 2000), null, null,
                        hint(src, "evidence", "descriptive")) : null,
                null);
        return new NewResource(id, slug, status, content, vocabularies.regionsOf(jurisdictions), null);
    }

    private List<String> jurisdictions(SourceRecord src, String type, long replica, SplittableRandom rng) {
        if (replica == 0 && !src.jurisdictions().isEmpty()) {
            return src.jurisdictions();
        }
        boolean governmental = type.equals("policy") || type.equals("regulation");
        int percent = switch (type) {
            case "course" -> 70;
            case "tool" -> 50;
            case "practice" -> 60;
            default -> 100;
        };
        if (rng.nextInt(100) >= percent) {
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        if (governmental && rng.nextInt(100) < 10) {
            codes.add(BODIES.get(rng.nextInt(BODIES.size())));
        } else {
            codes.add(zipfCountry(rng));
        }
        if (rng.nextInt(100) < 12) {
            codes.add(zipfCountry(rng));
        }
        return List.copyOf(codes);
    }

    /** Rank r is drawn with a weight of about 1/r: a few countries hold most records, every country some. */
    private String zipfCountry(SplittableRandom rng) {
        double harmonic = Math.log(countries.size()) + 0.5772;
        double u = rng.nextDouble() * harmonic;
        int rank = (int) Math.min(countries.size() - 1, Math.max(0, Math.floor(Math.exp(u - 0.5772)) - 1));
        return countries.get(rank);
    }

    private static Integer year(SourceRecord src, String type, long replica, SplittableRandom rng) {
        Integer base = src.year();
        if (base == null) {
            if (rng.nextInt(100) < 15) {
                return null;
            }
            base = 2012 + rng.nextInt(14);
        }
        if (replica == 0) {
            return base;
        }
        int shifted = base + rng.nextInt(7) - 3;
        return Math.max(1990, Math.min(2026, shifted));
    }

    private static List<String> themes(String type, String text, SplittableRandom rng) {
        List<String> found = new ArrayList<>();
        for (int t = 0; t < THEME_CUES.length && found.size() < 3; t++) {
            for (String cue : CUE_WORDS[t]) {
                if (text.contains(cue)) {
                    found.add(THEME_CUES[t][0]);
                    break;
                }
            }
        }
        if (found.isEmpty()) {
            found.add(DEFAULT_THEME.get(type));
        }
        if (found.size() < 3 && rng.nextInt(100) < 30) {
            String extra = THEME_CUES[rng.nextInt(THEME_CUES.length)][0];
            if (!found.contains(extra)) {
                found.add(extra);
            }
        }
        return found;
    }

    private static List<String> levels(String type, SourceRecord src, String text, SplittableRandom rng) {
        Set<String> levels = new LinkedHashSet<>();
        switch (type) {
            case "course" -> {
                String level = src.hint("level");
                levels.add("advanced".equals(level) ? "isced_7" : "intermediate".equals(level) ? "isced_6" : rng.nextBoolean() ? "isced_5" : "isced_4");
                if (rng.nextInt(100) < 30) {
                    levels.add("isced_6");
                }
            }
            case "practice" -> {
                if (text.contains("early childhood") || text.contains("preschool") || text.contains("kindergarten")) {
                    levels.add("isced_0");
                }
                if (text.contains("elementary") || text.contains("primary school")) {
                    levels.add("isced_1");
                }
                if (text.contains("middle school")) {
                    levels.add("isced_2");
                }
                if (text.contains("secondary") || text.contains("high school")) {
                    levels.add("isced_3");
                }
                if (text.contains("higher education") || text.contains("college") || text.contains("university")) {
                    levels.add("isced_6");
                }
                if (levels.isEmpty() && rng.nextInt(100) < 40) {
                    levels.add("isced_" + (1 + rng.nextInt(8)));
                }
            }
            default -> {
                if (rng.nextInt(100) < (type.equals("tool") ? 50 : 35)) {
                    int from = rng.nextInt(7);
                    for (int l = from; l <= Math.min(8, from + rng.nextInt(3)); l++) {
                        levels.add("isced_" + l);
                    }
                }
            }
        }
        return List.copyOf(levels);
    }

    private static List<String> audiences(String type, String text, SplittableRandom rng) {
        Set<String> audiences = new LinkedHashSet<>();
        switch (type) {
            case "course" -> audiences.add("learners");
            case "tool" -> audiences.add(rng.nextBoolean() ? "learners" : "teachers");
            case "policy", "regulation" -> audiences.add("policymakers");
            default -> audiences.add(rng.nextInt(100) < 70 ? "researchers" : "teachers");
        }
        if (text.contains("teacher")) {
            audiences.add("teachers");
        }
        if (text.contains("parent")) {
            audiences.add("parents");
        }
        if (text.contains("developer") || text.contains("provider") || text.contains("api")) {
            audiences.add("developers");
        }
        if (rng.nextInt(100) < 15) {
            audiences.add(List.of("policymakers", "teachers", "learners", "parents", "developers", "researchers").get(rng.nextInt(6)));
        }
        return List.copyOf(audiences);
    }

    private static List<String> sdg4(SplittableRandom rng) {
        int n = rng.nextInt(100) < 50 ? 0 : 1 + rng.nextInt(2);
        Set<String> targets = new LinkedHashSet<>();
        for (int t = 0; t < n; t++) {
            targets.add(SDG4.get(rng.nextInt(SDG4.size())));
        }
        return List.copyOf(targets);
    }

    private static CourseDetails course(SourceRecord src, SplittableRandom rng) {
        Double hours = null;
        try {
            double h = Double.parseDouble(hint(src, "hours", ""));
            hours = h > 0 && h <= 10000 ? h : null;
        } catch (NumberFormatException e) {
            // no duration given
        }
        return new CourseDetails(Corpora.clip(hint(src, "provider", src.publisher() == null ? "unknown" : src.publisher()), 300),
                hint(src, "format", "self_paced"), hours, src.hint("level"), hint(src, "cost", rng.nextBoolean() ? "free" : "paid"),
                src.hint("certificate"));
    }

    private static ToolDetails tool(SplittableRandom rng) {
        List<String> platforms = new ArrayList<>(List.of("web"));
        for (String p : List.of("android", "ios", "windows", "macos")) {
            if (rng.nextInt(100) < 20) {
                platforms.add(p);
            }
        }
        return new ToolDetails(null, rng.nextInt(100) < 20, platforms, rng.nextInt(100) < 10,
                List.of("yes", "no", "unknown").get(rng.nextInt(3)), rng.nextBoolean() ? 13 : null);
    }

    private static String regulationStatus(String status) {
        return status != null && Set.of("proposed", "adopted", "in_force", "superseded", "repealed").contains(status) ? status : "in_force";
    }

    private static String hint(SourceRecord src, String name, String fallback) {
        String value = src.hint(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Map<String, Integer> orderedCounts(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int p = 0; p < pairs.length; p += 2) {
            map.put((String) pairs[p], (Integer) pairs[p + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
