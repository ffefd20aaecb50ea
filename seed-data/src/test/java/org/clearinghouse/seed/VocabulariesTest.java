package org.clearinghouse.seed;

import static org.clearinghouse.seed.SeedData.assertNoProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The controlled vocabularies under {@code vocabularies/}. */
class VocabulariesTest {
    private static final List<String> UN_LANGUAGES = List.of("en", "fr", "es", "ar", "ru", "zh");
    private static final List<String> REGIONS =
            List.of("africa", "arab_states", "asia_pacific", "europe_north_america", "latin_america_caribbean");
    private static final Set<String> COUNTRIES_WITHOUT_REGION = Set.of("AQ", "BV", "HM", "TF", "GS");

    @ParameterizedTest
    @ValueSource(strings = {"types", "regions", "countries", "bodies", "languages", "licenses", "themes", "levels",
        "audiences", "sdg4_targets"})
    void isAnArrayOfEntriesWithUniqueNonEmptyCodes(String name) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        List<JsonNode> entries = SeedData.vocabulary(name);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode code = entries.get(i).path("code");
            if (!code.isTextual() || code.asText().isBlank()) {
                problems.add(name + ".json: [" + i + "].code: missing or empty");
            } else {
                Integer first = firstIndex.putIfAbsent(code.asText(), i);
                if (first != null) {
                    problems.add(name + ".json: [" + i + "].code: '" + code.asText() + "' repeats entry [" + first + "]");
                }
            }
        }
        assertNoProblems(name + ".json codes", problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"types", "regions", "countries", "bodies", "languages", "themes", "levels", "audiences",
        "sdg4_targets"})
    void everyEntryHasLabelsInTheSixUnLanguages(String name) {
        List<String> problems = new ArrayList<>();
        for (JsonNode entry : SeedData.vocabulary(name)) {
            for (String language : UN_LANGUAGES) {
                JsonNode label = entry.path("labels").path(language);
                if (!label.isTextual() || label.asText().isBlank()) {
                    problems.add(name + ".json: " + entry.path("code").asText() + ".labels." + language + ": missing or empty");
                }
            }
        }
        assertNoProblems(name + ".json labels", problems);
    }

    @Test
    void everyLicenceHasANameAnOpenFlagAndAUrl() {
        List<String> problems = new ArrayList<>();
        for (JsonNode licence : SeedData.vocabulary("licenses")) {
            String code = licence.path("code").asText();
            if (!licence.path("name").isTextual() || licence.path("name").asText().isBlank()) {
                problems.add("licenses.json: " + code + ".name: missing or empty");
            }
            if (!licence.path("open").isBoolean()) {
                problems.add("licenses.json: " + code + ".open: not true or false");
            }
            if (Set.of("proprietary", "unknown").contains(code)) {
                if (licence.path("open").asBoolean(true) || !licence.path("url").isNull()) {
                    problems.add("licenses.json: " + code + ": must have open false and url null");
                }
            } else if (!licence.path("url").asText().matches("https?://\\S+")) {
                problems.add("licenses.json: " + code + ".url: not an http(s) URL: '" + licence.path("url").asText() + "'");
            }
        }
        assertNoProblems("licenses.json entries", problems);
    }

    @Test
    void countriesAreExactlyTheIsoAlpha2Codes() {
        Set<String> iso = new TreeSet<>(Arrays.asList(Locale.getISOCountries()));
        Set<String> codes = new TreeSet<>(SeedData.codes("countries"));
        assertEquals(249, iso.size(), "this JDK's ISO 3166-1 list changed size");
        Set<String> missing = new TreeSet<>(iso);
        missing.removeAll(codes);
        Set<String> extra = new TreeSet<>(codes);
        extra.removeAll(iso);
        assertEquals(iso, codes, "countries.json: missing " + missing + ", not ISO 3166-1 alpha-2 " + extra);
    }

    @Test
    void everyCountryHasAUnescoRegionExceptTheUninhabitedTerritories() {
        List<String> problems = new ArrayList<>();
        Set<String> withoutRegion = new TreeSet<>();
        for (JsonNode country : SeedData.vocabulary("countries")) {
            String code = country.path("code").asText();
            JsonNode region = country.path("region");
            if (region.isNull()) {
                withoutRegion.add(code);
                if (!COUNTRIES_WITHOUT_REGION.contains(code)) {
                    problems.add("countries.json: " + code + ".region: null, but only AQ, BV, HM, TF and GS may have none");
                }
            } else if (!REGIONS.contains(region.asText())) {
                problems.add("countries.json: " + code + ".region: '" + region.asText() + "' is not one of " + REGIONS);
            }
        }
        assertNoProblems("countries.json regions", problems);
        assertEquals(new TreeSet<>(COUNTRIES_WITHOUT_REGION), withoutRegion, "countries.json: codes whose region is null");
    }

    @Test
    void bodiesHaveARegionOrNullAndNeverShadowACountry() {
        List<String> problems = new ArrayList<>();
        Set<String> countries = SeedData.codes("countries");
        for (JsonNode body : SeedData.vocabulary("bodies")) {
            String code = body.path("code").asText();
            JsonNode region = body.path("region");
            if (!region.isNull() && !REGIONS.contains(region.asText())) {
                problems.add("bodies.json: " + code + ".region: '" + region.asText() + "' is neither null nor one of " + REGIONS);
            }
            if (countries.contains(code)) {
                problems.add("bodies.json: " + code + ".code: is also an ISO 3166-1 country code");
            }
        }
        assertNoProblems("bodies.json", problems);
    }

    @Test
    void languagesAreTheIso639Part1CodesWithoutTheDeprecatedOnes() {
        Set<String> expected = new TreeSet<>(Arrays.asList(Locale.getISOLanguages()));
        expected.removeAll(Set.of("iw", "in", "ji", "mo"));
        expected.addAll(Set.of("he", "id", "yi"));
        Set<String> codes = new TreeSet<>(SeedData.codes("languages"));
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(codes);
        Set<String> extra = new TreeSet<>(codes);
        extra.removeAll(expected);
        assertEquals(expected, codes, "languages.json: missing " + missing + ", unexpected " + extra);
    }

    @Test
    void everyLicenceUsedByARecordExists() {
        Set<String> licences = SeedData.codes("licenses");
        List<String> problems = new ArrayList<>();
        for (SeedData.CatalogueFile file : SeedData.catalogue()) {
            if (file.json() != null && !licences.contains(file.json().path("license").asText())) {
                problems.add(file.path() + ": license: '" + file.json().path("license").asText() + "' is not in licenses.json");
            }
        }
        assertNoProblems("licences used by records", problems);
    }

    @Test
    void closedVocabulariesHoldExactlyTheCodesOfTheReadme() {
        assertEquals(List.of("policy_planning", "education_management", "teaching_teachers", "learning_assessment",
                "ai_literacy_skills", "lifelong_learning", "equity_inclusion", "gender_equality", "ethics_data_privacy",
                "monitoring_research"), List.copyOf(SeedData.codes("themes")), "themes.json");
        assertEquals(CatalogueChecks.TYPES, List.copyOf(SeedData.codes("types")), "types.json");
        assertEquals(REGIONS, List.copyOf(SeedData.codes("regions")), "regions.json");
        assertEquals(List.of("isced_0", "isced_1", "isced_2", "isced_3", "isced_4", "isced_5", "isced_6", "isced_7",
                "isced_8"), List.copyOf(SeedData.codes("levels")), "levels.json");
        assertEquals(List.of("policymakers", "teachers", "learners", "parents", "developers", "researchers"),
                List.copyOf(SeedData.codes("audiences")), "audiences.json");
        assertEquals(List.of("4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.a", "4.b", "4.c"),
                List.copyOf(SeedData.codes("sdg4_targets")), "sdg4_targets.json");
    }
}
