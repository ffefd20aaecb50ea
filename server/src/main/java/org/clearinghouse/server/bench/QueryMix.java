package org.clearinghouse.server.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.clearinghouse.server.catalogue.ResourceContent;
import org.clearinghouse.server.catalogue.Translation;
import org.clearinghouse.server.persistence.NewResource;

/**
 * The fixed query mix: deterministic from the seed (and the record count, whose records the filter values are
 * sampled from). Out of every 20 queries: 5 single terms, 5 of several terms, 3 quoted phrases, 5 non-English
 * (Spanish, French, Russian, Chinese, Hindi: words of the corpora's translations and non-English courses) and
 * 2 with filters only. Text queries carry 0 to 3 filters (40/30/20/10 %). The words of a query come from one
 * loaded record (its title; for other languages its translation or non-English text: the corpora's real texts),
 * drawn in proportion to how common they are among a sample of the records, as users favour common words; the
 * query's filters come from the same record, as a user drills down into what they found.
 */
final class QueryMix {
    private static final List<String> KINDS = pattern();
    private static final Set<String> STOP = Set.of("about", "after", "also", "among", "and", "are", "based", "been", "being",
            "between", "both", "but", "can", "each", "for", "from", "have", "how", "into", "its", "more", "most", "new", "not",
            "of", "on", "one", "only", "other", "our", "over", "such", "than", "that", "the", "their", "them", "then", "there",
            "these", "they", "this", "through", "towards", "under", "using", "very", "via", "what", "when", "where", "which",
            "while", "who", "why", "will", "with", "within", "without", "your", "para", "pour", "dans", "avec", "sobre", "como",
            "les", "des", "una", "los", "las", "del", "для", "при", "или", "что", "как", "это");
    /** Chinese has no spaces: queries use common words of the domain that the Chinese texts contain. */
    private static final List<String> CHINESE_WORDS = List.of("人工智能", "教育", "学生", "教师", "学习", "生成", "图像", "视频",
            "写作", "评估", "模型", "工具", "课程", "数据", "语言", "助手", "设计", "翻译", "研究", "个性化");
    /** How many loaded records the words are drawn from. */
    private static final int SAMPLED_RECORDS = 5000;
    private static final List<String> FILTER_DIMENSIONS = List.of("type", "country", "region", "language", "theme", "level",
            "audience", "license", "year");

    private QueryMix() {
    }

    static List<BenchQuery> build(RecordGenerator generator, long records, int count, long seed) {
        Random rng = new Random(seed ^ 0x5DEECE66DL);
        // The words come from the loaded records themselves (a sample of them), so the mix searches what is there;
        // a query's filters come from the record its words came from, as a user drills down into what they found.
        List<NewResource> english = new ArrayList<>();
        Map<String, List<NewResource>> foreign = new LinkedHashMap<>();
        long samples = Math.min(records, SAMPLED_RECORDS);
        for (long j = 0; j < samples; j++) {
            NewResource r = generator.generate(records <= SAMPLED_RECORDS ? j : Math.floorMod(rng.nextLong(), records));
            ResourceContent c = r.content();
            if (c.originalLanguage().equals("en")) {
                english.add(r);
            } else {
                foreign.computeIfAbsent(c.originalLanguage(), l -> new ArrayList<>()).add(r);
            }
            for (String language : c.translations().keySet()) {
                foreign.computeIfAbsent(language, l -> new ArrayList<>()).add(r);
            }
        }
        // Users search common words far more often than rare ones: words are drawn in proportion to how many of
        // the sampled records' titles (or texts, for other languages) hold them.
        Map<String, Integer> df = new java.util.HashMap<>();
        english.forEach(r -> words(r.content().title(), 4).forEach(w -> df.merge(w, 1, Integer::sum)));
        foreign.values().forEach(list -> list.forEach(r -> {
            for (String language : foreign.keySet()) {
                String text = textIn(r.content(), language);
                if (text != null) {
                    words(text, 5).forEach(w -> df.merge(w, 1, Integer::sum));
                }
            }
        }));
        List<String> foreignLanguages = new ArrayList<>();
        for (String language : List.of("es", "fr", "ru", "zh", "hi")) {
            if (!foreign.getOrDefault(language, List.of()).isEmpty()) {
                foreignLanguages.add(language);
            }
        }

        List<BenchQuery> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String kind = KINDS.get(i % KINDS.size());
            if (kind.equals("non_english") && foreignLanguages.isEmpty()) {
                kind = "multi";
            }
            String q = null;
            String lang = null;
            NewResource from = null;
            for (int attempt = 0; attempt < 200 && q == null; attempt++) {
                switch (kind) {
                    case "single" -> {
                        from = english.get(rng.nextInt(english.size()));
                        List<String> words = words(from.content().title(), 4);
                        q = words.isEmpty() ? null : String.join(" ", weighted(words, 1, df, rng));
                    }
                    case "multi" -> {
                        from = english.get(rng.nextInt(english.size()));
                        List<String> words = words(from.content().title(), 4);
                        q = words.size() < 2 ? null : String.join(" ", weighted(words, 2 + rng.nextInt(Math.min(2, words.size() - 1)), df, rng));
                    }
                    case "phrase" -> {
                        from = english.get(rng.nextInt(english.size()));
                        q = phrase(from.content().title(), df, rng);
                    }
                    case "non_english" -> {
                        lang = foreignLanguages.get(rng.nextInt(foreignLanguages.size()));
                        List<NewResource> candidates = foreign.get(lang);
                        from = candidates.get(rng.nextInt(candidates.size()));
                        q = foreignWords(from.content(), lang, df, rng);
                    }
                    default -> {
                        from = generator.generate(Math.floorMod(rng.nextLong(), records));
                        q = "";
                    }
                }
            }
            if (q == null) {
                q = "learning";
            }
            int filterCount = kind.equals("filter_only") ? 1 + rng.nextInt(3) : filterCount(rng);
            queries.add(withFilters(kind, q, lang, filterCount, from, rng));
        }
        return List.copyOf(queries);
    }

    /** One or two words of the record's text in that language; for Chinese, a common word of the domain it contains. */
    private static String foreignWords(ResourceContent c, String lang, Map<String, Integer> df, Random rng) {
        String text = textIn(c, lang);
        if (text == null) {
            return null;
        }
        if (lang.equals("zh")) {
            String source = text;
            List<String> present = CHINESE_WORDS.stream().filter(source::contains).toList();
            return present.isEmpty() ? null : present.get(rng.nextInt(present.size()));
        }
        List<String> words = words(text, 5);
        if (words.isEmpty()) {
            return null;
        }
        return String.join(" ", weighted(words, rng.nextBoolean() || words.size() < 2 ? 1 : 2, df, rng));
    }

    /** The record's title and summary in that language (original or translation), or null. */
    private static String textIn(ResourceContent c, String lang) {
        if (c.originalLanguage().equals(lang)) {
            return c.title() + " " + c.summary();
        }
        Translation t = c.translations().get(lang);
        return t == null ? null : t.title() + (t.summary() == null ? "" : " " + t.summary());
    }

    private static BenchQuery withFilters(String kind, String q, String lang, int filterCount, NewResource sampled, Random rng) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        Integer yearFrom = null;
        Integer yearTo = null;
        ResourceContent sample = sampled.content();
        List<String> dimensions = new ArrayList<>(FILTER_DIMENSIONS);
        Collections.shuffle(dimensions, rng);
        int chosen = 0;
        for (String dimension : dimensions) {
            if (chosen == filterCount) {
                break;
            }
            List<String> values = switch (dimension) {
                case "type" -> List.of(sample.type());
                case "country" -> sample.jurisdictions();
                case "region" -> sampled.regions();
                case "language" -> sample.languages();
                case "theme" -> sample.themes();
                case "level" -> sample.levels();
                case "audience" -> sample.audiences();
                case "license" -> List.of(sample.license());
                default -> sample.publishedYear() == null ? List.of() : List.of(sample.publishedYear().toString());
            };
            if (values.isEmpty()) {
                continue;
            }
            // Sorted: some lists come from sets whose iteration order changes from one JVM to the next.
            values = values.stream().sorted().toList();
            String value = values.get(rng.nextInt(values.size()));
            if (dimension.equals("year")) {
                int year = Integer.parseInt(value);
                yearFrom = year - rng.nextInt(3);
                yearTo = rng.nextBoolean() ? year + rng.nextInt(4) : null;
            } else {
                filters.put(dimension, List.of(value));
            }
            chosen++;
        }
        return new BenchQuery(kind, q, lang, filters, yearFrom, yearTo);
    }

    private static int filterCount(Random rng) {
        int p = rng.nextInt(100);
        return p < 40 ? 0 : p < 70 ? 1 : p < 90 ? 2 : 3;
    }

    /** A quoted pair of adjacent content words of the title, or null when it has none. */
    private static String phrase(String title, Map<String, Integer> df, Random rng) {
        String[] tokens = title.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        List<String> pairs = new ArrayList<>();
        for (int t = 0; t + 1 < tokens.length; t++) {
            if (content(tokens[t], 3) && content(tokens[t + 1], 3)) {
                pairs.add(tokens[t] + " " + tokens[t + 1]);
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        // The pair of the most common words is the likeliest, as a phrase a user would type.
        Map<String, Integer> pairWeight = new java.util.HashMap<>();
        for (String pair : pairs) {
            String[] w = pair.split(" ");
            pairWeight.put(pair, df.getOrDefault(w[0], 1) + df.getOrDefault(w[1], 1));
        }
        return "\"" + weighted(pairs, 1, pairWeight, rng).get(0) + "\"";
    }

    /** {@code n} distinct words of the list drawn in proportion to their weights, kept in their order in the text. */
    private static List<String> weighted(List<String> words, int n, Map<String, Integer> weights, Random rng) {
        List<Integer> left = new ArrayList<>();
        for (int p = 0; p < words.size(); p++) {
            left.add(p);
        }
        List<Integer> kept = new ArrayList<>();
        while (kept.size() < n && !left.isEmpty()) {
            long total = left.stream().mapToLong(p -> weights.getOrDefault(words.get(p), 1)).sum();
            long pick = (long) (rng.nextDouble() * total);
            for (int k = 0; k < left.size(); k++) {
                pick -= weights.getOrDefault(words.get(left.get(k)), 1);
                if (pick < 0 || k == left.size() - 1) {
                    kept.add(left.remove(k));
                    break;
                }
            }
        }
        Collections.sort(kept);
        return kept.stream().map(words::get).toList();
    }

    /** The content words of a text: letters only, at least {@code minLength} long, no stop words. */
    static List<String> words(String text, int minLength) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}]+"))
                .filter(w -> content(w, minLength)).distinct().limit(30).toList();
    }

    private static boolean content(String word, int minLength) {
        return word.codePointCount(0, word.length()) >= minLength && !STOP.contains(word);
    }

    private static List<String> pattern() {
        List<String> kinds = new ArrayList<>();
        kinds.addAll(Collections.nCopies(5, "single"));
        kinds.addAll(Collections.nCopies(5, "multi"));
        kinds.addAll(Collections.nCopies(3, "phrase"));
        kinds.addAll(Collections.nCopies(5, "non_english"));
        kinds.addAll(Collections.nCopies(2, "filter_only"));
        // A fixed interleaving, so that any prefix of the mix (a short test run) holds every kind.
        List<String> interleaved = new ArrayList<>();
        String[] order = {"single", "multi", "non_english", "phrase", "filter_only"};
        while (!kinds.isEmpty()) {
            for (String kind : order) {
                if (kinds.remove(kind)) {
                    interleaved.add(kind);
                }
            }
        }
        return List.copyOf(interleaved);
    }
}
