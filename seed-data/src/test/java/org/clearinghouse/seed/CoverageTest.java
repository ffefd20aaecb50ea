package org.clearinghouse.seed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The balance the seed catalogue promises. A record's countries are the ISO codes among its jurisdictions
 * (bodies excluded); its regions are the {@code region} of each jurisdiction in countries.json or bodies.json
 * (global bodies have none). Every message carries the measured value; each is also printed to the test output.
 */
class CoverageTest {
    private static final List<JsonNode> RECORDS = SeedData.catalogue().stream()
            .map(SeedData.CatalogueFile::json).filter(Objects::nonNull).toList();
    private static final Set<String> COUNTRIES = SeedData.codes("countries");
    private static final Map<String, String> REGIONS = SeedData.jurisdictionRegions();

    private static List<JsonNode> ofType(String type) {
        return RECORDS.stream().filter(r -> type.equals(r.path("type").asText())).toList();
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static Set<String> countries(JsonNode record) {
        return strings(record.path("jurisdictions")).stream().filter(COUNTRIES::contains).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> countries(List<JsonNode> records) {
        return records.stream().flatMap(r -> countries(r).stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> regions(JsonNode record) {
        return strings(record.path("jurisdictions")).stream().map(REGIONS::get).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void atLeast(double minimum, double measured, String message) {
        System.out.println("[coverage] " + message);
        assertTrue(measured >= minimum, message + " (expected at least " + (minimum == Math.rint(minimum) ? String.valueOf((long) minimum) : String.valueOf(minimum)) + ")");
    }

    @Test
    void atLeast250Records() {
        atLeast(250, RECORDS.size(), "records: " + RECORDS.size());
    }

    @ParameterizedTest(name = "at least {1} records of type {0}")
    @CsvSource({"policy, 60", "regulation, 30", "course, 60", "tool, 50", "practice, 30"})
    void atLeastTheMinimumOfEachType(String type, int minimum) {
        int count = ofType(type).size();
        atLeast(minimum, count, type + " records: " + count);
    }

    @Test
    void atLeast70DistinctCountries() {
        Set<String> countries = countries(RECORDS);
        atLeast(70, countries.size(), "distinct countries in jurisdictions: " + countries.size() + " " + countries);
    }

    @Test
    void allFiveUnescoRegionsAreRepresented() {
        Map<String, Long> perRegion = new TreeMap<>();
        SeedData.codes("regions").forEach(region -> perRegion.put(region, 0L));
        RECORDS.forEach(r -> regions(r).forEach(region -> perRegion.merge(region, 1L, Long::sum)));
        long represented = perRegion.values().stream().filter(n -> n > 0).count();
        atLeast(5, represented, "regions represented: " + represented + ", records per region " + perRegion);
    }

    /**
     * Outside Europe and North America: a record with at least one region other than europe_north_america.
     * The share is taken over the records that have any region (records with no jurisdiction, or only global
     * bodies, cannot be placed); the share over all records is reported too.
     */
    @Test
    void atLeast40PercentOfRegionalRecordsFromOutsideEuropeAndNorthAmerica() {
        List<JsonNode> placed = RECORDS.stream().filter(r -> !regions(r).isEmpty()).toList();
        long outside = placed.stream().filter(r -> regions(r).stream().anyMatch(region -> !region.equals("europe_north_america"))).count();
        double share = 100.0 * outside / placed.size();
        double shareOfAll = 100.0 * outside / RECORDS.size();
        atLeast(40, share, String.format(Locale.ROOT,
                "records outside Europe and North America: %d of %d records with a region = %.1f%% (%.1f%% of all %d records)",
                outside, placed.size(), share, shareOfAll, RECORDS.size()));
    }

    @Test
    void policiesFromAtLeast40Countries() {
        Set<String> countries = countries(ofType("policy"));
        atLeast(40, countries.size(), "distinct countries of policies: " + countries.size() + " " + countries);
    }

    /** A data-protection or AI regulation is a regulation with the theme ethics_data_privacy. */
    @Test
    void dataProtectionOrAiRegulationsFromAtLeast20Countries() {
        List<JsonNode> regulations = ofType("regulation").stream()
                .filter(r -> strings(r.path("themes")).contains("ethics_data_privacy")).toList();
        Set<String> countries = countries(regulations);
        atLeast(20, countries.size(), "distinct countries of data-protection or AI regulations ("
                + regulations.size() + " of " + ofType("regulation").size() + " regulations): " + countries.size() + " " + countries);
    }

    @Test
    void coursesInAtLeastSixOriginalLanguages() {
        Map<String, Long> languages = ofType("course").stream()
                .collect(Collectors.groupingBy(r -> r.path("original_language").asText(), TreeMap::new, Collectors.counting()));
        atLeast(6, languages.size(), "distinct original languages of courses: " + languages.size() + " " + languages);
    }

    @ParameterizedTest(name = "a course is available in {0}")
    @ValueSource(strings = {"fr", "es", "ar", "pt"})
    void aCourseIsAvailableIn(String language) {
        long count = ofType("course").stream().filter(r -> strings(r.path("languages")).contains(language)).count();
        atLeast(1, count, "courses whose languages contain " + language + ": " + count);
    }

    @Test
    void atLeast60RecordsWithATranslation() {
        long count = RECORDS.stream().filter(r -> r.path("translations").size() > 0).count();
        atLeast(60, count, "records with at least one translation: " + count);
    }

    @ParameterizedTest(name = "some record is translated into {0}")
    @ValueSource(strings = {"fr", "es", "ar", "ru", "zh", "pt"})
    void someRecordIsTranslatedInto(String language) {
        long count = RECORDS.stream().filter(r -> r.path("translations").has(language)).count();
        atLeast(1, count, "records with a translation into " + language + ": " + count);
    }

    @Test
    void atLeast10GenderEqualityRecords() {
        long count = RECORDS.stream().filter(r -> strings(r.path("themes")).contains("gender_equality")).count();
        atLeast(10, count, "records with theme gender_equality: " + count);
    }

    /** A keyword equal to "disability" (ignoring case) and the theme equity_inclusion. */
    @Test
    void atLeast10DisabilityInclusionRecords() {
        long count = RECORDS.stream()
                .filter(r -> strings(r.path("themes")).contains("equity_inclusion"))
                .filter(r -> strings(r.path("keywords")).stream().anyMatch(k -> k.equalsIgnoreCase("disability")))
                .count();
        atLeast(10, count, "records with keyword 'disability' and theme equity_inclusion: " + count);
    }

    private static List<String> practices(Predicate<JsonNode> matching) {
        List<String> slugs = new ArrayList<>();
        ofType("practice").stream().filter(matching).forEach(r -> slugs.add(r.path("slug").asText()));
        return slugs;
    }

    private static Predicate<JsonNode> titleOrKeywordsMatch(Pattern pattern) {
        return r -> pattern.matcher(r.path("title").asText()).find()
                || strings(r.path("keywords")).stream().anyMatch(k -> pattern.matcher(k).find());
    }

    @Test
    void practiceVilleExists() {
        List<String> found = practices(titleOrKeywordsMatch(Pattern.compile("\\bViLLE\\b")));
        atLeast(1, found.size(), "practices whose title or keywords mention ViLLE: " + found);
    }

    @Test
    void practiceMShuleExists() {
        List<String> found = practices(titleOrKeywordsMatch(Pattern.compile("\\bM-Shule\\b", Pattern.CASE_INSENSITIVE)));
        atLeast(1, found.size(), "practices whose title or keywords mention M-Shule: " + found);
    }

    @Test
    void practiceInLebanonExists() {
        List<String> found = practices(r -> strings(r.path("jurisdictions")).contains("LB"));
        atLeast(1, found.size(), "practices with jurisdiction LB: " + found);
    }

    @Test
    void practiceAiInActionAtDigitalLearningWeekExists() {
        Pattern dlw = Pattern.compile("Digital Learning Week", Pattern.CASE_INSENSITIVE);
        List<String> found = practices(titleOrKeywordsMatch(Pattern.compile("\\bAI in Action\\b", Pattern.CASE_INSENSITIVE))
                .and(r -> dlw.matcher(r.path("title").asText() + " " + r.path("summary").asText()).find()
                        || strings(r.path("keywords")).stream().anyMatch(k -> dlw.matcher(k).find())));
        atLeast(1, found.size(), "practices whose title or keywords mention 'AI in Action' and that name Digital Learning Week: " + found);
    }
}
