package org.clearinghouse.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autocomplete follows the index change by change (no rebuild of the whole suggester), keeps its state on disk
 * under the index directory, and answers right after a restart.
 */
class SuggestionsLifecycleTest {
    @TempDir
    Path dir;

    private static List<String> slugs(IndexService index, String prefix) {
        return index.suggest(prefix, "en", 10).stream().map(Suggestion::slug).toList();
    }

    private static List<Path> suggesterDirectories(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(Suggestions.DIRECTORY_PREFIX)).toList();
        }
    }

    @Test
    void aPublishedTitleIsSuggestedAsSoonAsItIsSearchableAndAWithdrawnOneNoLonger() throws Exception {
        try (IndexService index = IndexService.open(dir, Fixtures.thesaurus())) {
            index.rebuild(Fixtures.records().iterator());
            index.awaitSuggestions();
            assertEquals(List.of(), slugs(index, "zanzi"));

            // No waiting for a background job: apply returns once search and autocomplete both show the change.
            index.apply(List.of(Fixtures.doc("zanzibar", "en", "Zanzibar coding clubs", "Clubs.", 2000)), List.of(), 2000);
            assertEquals(List.of("zanzibar"), slugs(index, "zanzi"));
            assertEquals(List.of("zanzibar"), slugs(index, "coding cl"));

            // An edit replaces the record's title, the old one goes.
            index.apply(List.of(Fixtures.doc("zanzibar", "en", "Zanzibar robotics clubs", "Clubs.", 2001)), List.of(), 2001);
            assertEquals(List.of("zanzibar"), slugs(index, "zanzibar robo"));
            assertEquals(List.of(), slugs(index, "coding cl"));

            index.apply(List.of(), List.of("zanzibar"), 2002);
            assertEquals(List.of(), slugs(index, "zanzi"));
            assertEquals(0, index.search(SearchRequest.builder().q("zanzibar").build()).total());
        }
    }

    @Test
    void aTitleSharedByTwoRecordsStaysWhileOneOfThemIsPublished() throws Exception {
        try (IndexService index = IndexService.open(dir, Fixtures.thesaurus())) {
            index.rebuild(List.of(Fixtures.doc("first", "en", "Quokka tutors for schools", "One.", 1),
                    Fixtures.doc("second", "en", "Quokka tutors for schools", "Two.", 2)).iterator());
            index.awaitSuggestions();
            List<Suggestion> both = index.suggest("quokka", "en", 10);
            assertEquals(1, both.size(), "one suggestion per text: " + both);

            index.apply(List.of(), List.of("first"), 3);
            assertEquals(List.of("second"), slugs(index, "quokka"));
            index.apply(List.of(), List.of("second"), 4);
            assertEquals(List.of(), slugs(index, "quokka"));
        }
    }

    @Test
    void afterARestartTheSuggesterAnswersAtOnceWithEveryAppliedChange() throws Exception {
        try (IndexService index = IndexService.open(dir, Fixtures.thesaurus())) {
            index.rebuild(Fixtures.records().iterator());
            index.awaitSuggestions();
            index.apply(List.of(Fixtures.doc("zanzibar", "en", "Zanzibar coding clubs", "Clubs.", 2000)), List.of(), 2000);
            index.apply(List.of(), List.of("us-khanmigo"), 2001);
        }
        List<Path> onDisk = suggesterDirectories(dir);
        assertEquals(1, onDisk.size(), "one suggester on disk, in the index directory");
        try (IndexService reopened = IndexService.open(dir, Fixtures.thesaurus())) {
            // Changes elsewhere in the database move the sequence without touching the index.
            reopened.apply(List.of(), List.of(), 2003);
        }
        assertEquals(onDisk, suggesterDirectories(dir), "the same suggester, not built again");
        try (IndexService reopened = IndexService.open(dir, Fixtures.thesaurus())) {
            // Straight after opening, without waiting for anything.
            assertEquals(List.of("zanzibar"), slugs(reopened, "zanzi"));
            assertEquals(List.of(), slugs(reopened, "khanm"));
            assertEquals(new Suggestion("intelligence artificielle", "fr", null, "artificial_intelligence"),
                    reopened.suggest("intelligence art", "fr", 10).get(0));
            assertEquals(2003, reopened.lastAppliedSequence());
        }
        assertEquals(onDisk, suggesterDirectories(dir), "opened as it was");
    }

    @Test
    void aMissingOrOutdatedSuggesterIsBuiltAgainAndARebuildReplacesIt() throws Exception {
        try (IndexService index = IndexService.open(dir, Fixtures.thesaurus())) {
            index.rebuild(Fixtures.records().iterator());
            index.awaitSuggestions();
        }
        for (Path suggester : suggesterDirectories(dir)) {
            Suggestions.deleteRecursively(suggester);
        }
        try (IndexService index = IndexService.open(dir, Fixtures.thesaurus())) {
            index.awaitSuggestions();
            assertEquals(List.of("us-khanmigo"), slugs(index, "khanm"));

            index.rebuild(List.of(Fixtures.doc("wombat", "en", "Wombat literacy lessons", "Lessons.", 5000)).iterator());
            index.awaitSuggestions();
            assertEquals(List.of(), slugs(index, "khanm"), "the rebuilt index no longer has it");
            assertEquals(List.of("wombat"), slugs(index, "wombat"));
            assertEquals(1, suggesterDirectories(dir).size(), "the previous suggester was removed");
        }
        // Another thesaurus rebuilds the index, and the suggester with it.
        try (IndexService index = IndexService.open(dir, Thesaurus.empty())) {
            assertTrue(index.needsRebuild());
            assertEquals(List.of(), suggesterDirectories(dir), "an outdated suggester is not kept");
            index.rebuild(List.of(Fixtures.doc("wombat", "en", "Wombat literacy lessons", "Lessons.", 5000)).iterator());
            index.awaitSuggestions();
            assertEquals(List.of("wombat"), slugs(index, "wombat"));
            assertEquals(List.of(), index.suggest("intelligence art", "fr", 10), "no concepts without a thesaurus");
        }
    }
}
