package org.clearinghouse.server.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearinghouse.server.search.FacetValue;
import org.clearinghouse.server.search.SearchResponse;
import org.clearinghouse.server.search.SearchService;
import org.clearinghouse.server.vocabulary.Vocabularies;
import org.clearinghouse.web.Lang;
import org.clearinghouse.web.Messages;
import org.clearinghouse.web.view.CountryView;
import org.clearinghouse.web.view.Gap;
import org.clearinghouse.web.view.TypeBlock;

/**
 * A country's profile, computed from the search index: its records by type beside its UNESCO region's, and its
 * gaps against the region (Beijing Consensus paragraph 33: monitor the divide) — no policy, no regulation on
 * learners' data, no course for teachers (for it, or in the languages of its records), no tool, no practice.
 * Knows nothing of HTTP.
 */
final class CountryProfiles {
    static final List<String> TYPES = List.of("policy", "regulation", "course", "tool", "practice");
    private static final int PER_TYPE = 5;

    private final SitePages pages;
    private final SearchService search;
    private final Vocabularies vocabularies;
    private final Labels labels;
    private final Cards cards;

    CountryProfiles(SitePages pages, SearchService search, Vocabularies vocabularies, Labels labels, Cards cards) {
        this.pages = pages;
        this.search = search;
        this.vocabularies = vocabularies;
        this.labels = labels;
        this.cards = cards;
    }

    /** The profile of a country or body code (any case), or empty when it is neither. */
    Optional<CountryView> profile(String rawCode, Lang lang) {
        String code = rawCode.toUpperCase(java.util.Locale.ROOT);
        if (code.length() > 40 || !vocabularies.isJurisdiction(code)) {
            return Optional.empty();
        }
        Messages t = pages.texts(lang);
        String base = "/" + lang.code();
        String name = labels.of("countries", code, lang);
        Optional<String> region = vocabularies.regionOf(code);

        SearchResponse own = run(lang, "country", code);
        Map<String, Long> ownTypes = counts(own, "type");
        Map<String, Long> regionTypes = region.map(r -> counts(run(lang, "region", r), "type")).orElse(Map.of());

        List<TypeBlock> blocks = new ArrayList<>();
        for (String type : TYPES) {
            long count = ownTypes.getOrDefault(type, 0L);
            var records = count == 0 ? List.<org.clearinghouse.server.search.ResultSummary>of()
                    : search.search(params(lang, "country", code, "type", type, "sort", "newest", "limit", String.valueOf(PER_TYPE))).results();
            blocks.add(new TypeBlock(type, labels.of("types", type, lang), count, regionTypes.getOrDefault(type, 0L),
                    base + "/search?country=" + code + "&type=" + type, cards.of(records, lang)));
        }

        List<Gap> gaps = new ArrayList<>();
        String regionCode = region.orElse(null);
        gap(gaps, t.t("gap.policy"), lang, code, regionCode, "type", "policy");
        gap(gaps, t.t("gap.dataRegulation"), lang, code, regionCode, "type", "regulation", "theme", "ethics_data_privacy");
        gap(gaps, t.t("gap.teacherCourse"), lang, code, regionCode, "type", "course", "audience", "teachers");
        List<String> languages = counts(own, "language").keySet().stream().limit(5).toList();
        if (!languages.isEmpty()) {
            List<String> filter = new ArrayList<>(List.of("type", "course", "audience", "teachers"));
            languages.forEach(l -> {
                filter.add("language");
                filter.add(l);
            });
            if (search.search(params(lang, filter.toArray(String[]::new))).total() == 0) {
                gaps.add(new Gap(t.t("gap.teacherCourseLanguages", String.join(", ", labels.all("languages", languages, lang))),
                        regionCount(lang, regionCode, "type", "course", "audience", "teachers"),
                        regionHref(base, regionCode, "type", "course", "audience", "teachers")));
            }
        }
        gap(gaps, t.t("gap.tool"), lang, code, regionCode, "type", "tool");
        gap(gaps, t.t("gap.practice"), lang, code, regionCode, "type", "practice");

        return Optional.of(new CountryView(pages.meta(lang, name, "/countries/" + code, null), code, name,
                region.map(r -> labels.of("regions", r, lang)).orElse(null),
                region.map(r -> base + "/search?region=" + r).orElse(null), own.total(), blocks, gaps,
                base + "/search?country=" + code, "/feeds/atom?country=" + code + "&lang=" + lang.code(), null));
    }

    /** Adds a gap when the country has no record matching {@code filter} (name, value pairs). */
    private void gap(List<Gap> gaps, String text, Lang lang, String code, String region, String... filter) {
        String[] own = new String[filter.length + 2];
        own[0] = "country";
        own[1] = code;
        System.arraycopy(filter, 0, own, 2, filter.length);
        if (search.search(params(lang, own)).total() == 0) {
            gaps.add(new Gap(text, regionCount(lang, region, filter), regionHref("/" + lang.code(), region, filter)));
        }
    }

    private long regionCount(Lang lang, String region, String... filter) {
        if (region == null) {
            return 0;
        }
        String[] all = new String[filter.length + 2];
        all[0] = "region";
        all[1] = region;
        System.arraycopy(filter, 0, all, 2, filter.length);
        return search.search(params(lang, all)).total();
    }

    private static String regionHref(String base, String region, String... filter) {
        StringBuilder href = new StringBuilder(base + "/search?region=" + (region == null ? "" : region));
        for (int i = 0; i + 1 < filter.length; i += 2) {
            href.append('&').append(filter[i]).append('=').append(Query.encode(filter[i + 1]));
        }
        return href.toString();
    }

    private SearchResponse run(Lang lang, String name, String value) {
        return search.search(params(lang, name, value, "limit", "1"));
    }

    private static Map<String, Long> counts(SearchResponse response, String dimension) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (FacetValue v : response.facets().getOrDefault(dimension, List.of())) {
            counts.put(v.value(), v.count());
        }
        return counts;
    }

    /** Search parameters from name, value pairs; a name may repeat. */
    private static Map<String, List<String>> params(Lang lang, String... pairs) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("lang", List.of(lang.code()));
        params.put("limit", List.of("1"));
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i].equals("limit")) {
                params.put("limit", List.of(pairs[i + 1]));
            } else {
                params.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
            }
        }
        return params;
    }
}
