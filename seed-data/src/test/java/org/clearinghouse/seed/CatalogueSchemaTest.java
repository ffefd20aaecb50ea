package org.clearinghouse.seed;

import static org.clearinghouse.seed.SeedData.assertNoProblems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clearinghouse.seed.SeedData.CatalogueFile;
import org.junit.jupiter.api.Test;

/** Every record of the real catalogue against every rule of {@link CatalogueChecks}; each failure lists all offenders. */
class CatalogueSchemaTest {
    private static final List<CatalogueFile> FILES = SeedData.catalogue();
    private final CatalogueChecks checks = new CatalogueChecks();

    @Test
    void theCatalogueHoldsRecordsThatAllParse() {
        assertTrue(FILES.size() > 0, "no file found under catalogue/");
        assertNoProblems("files under catalogue/ that are not JSON objects", checks.parsing(FILES));
    }

    @Test
    void everyRecordValidatesAgainstTheJsonSchema() {
        assertNoProblems("records refused by schema/resource.schema.json", checks.schema(FILES));
    }

    @Test
    void everyCodeIsInItsVocabulary() {
        assertNoProblems("codes missing from their vocabulary", checks.vocabularies(FILES));
    }

    @Test
    void theOnlyTypeSectionIsTheOneNamedByType() {
        assertNoProblems("type sections that do not belong to the record's type", checks.typeSections(FILES));
    }

    @Test
    void slugIsTheFileNameAndTypeTheFolder() {
        assertNoProblems("slugs or types that do not match catalogue/<type>/<slug>.json", checks.fileNames(FILES));
    }

    @Test
    void idsArePresentAndUniqueAndSlugsUnique() {
        assertNoProblems("missing or repeated ids and slugs", checks.identity(FILES));
    }

    @Test
    void datesAreRealCalendarDates() {
        assertNoProblems("dates that do not exist", checks.dates(FILES));
    }

    @Test
    void everySeedRecordHasProvenance() {
        assertNoProblems("seed records without provenance", checks.provenance(FILES));
    }

    @Test
    void noTwoRecordsShareANormalisedUrl() {
        assertNoProblems("records with the same URL", checks.duplicateUrls(FILES));
    }

    @Test
    void noTwoTitlesAreNearIdentical() {
        assertNoProblems("near-identical titles (normalised Levenshtein similarity >= "
                + Duplicates.TITLE_SIMILARITY_THRESHOLD + ")", checks.nearIdenticalTitles(FILES));
    }
}
