package org.clearinghouse.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Highlights, related records, autocomplete and spelling suggestions over the fixture corpus. */
class SearchFeaturesTest {
    @TempDir
    static Path dir;
    static IndexService index;

    @BeforeAll
    static void build() throws Exception {
        List<SearchDocument> records = new ArrayList<>(Fixtures.records());
        records.add(new SearchDocument("xss", "xss", "tool", "en",
                Map.of("en", new LocalizedText("<script>alert('x')</script> Robots & teachers", "Robots help <b>teachers</b> \"grade\" work.")),
                null, null, List.of("FR"), List.of(), List.of("en"), List.of(), List.of(), List.of(), null, 2020, true, List.of(), 1000));
        records.add(new SearchDocument("passages", "passages", "practice", "en",
                Map.of("en", new LocalizedText("Quokka field notes",
                        "Zebrafish live in rivers. Nothing here is relevant. Quokkas are small. Also irrelevant! Zebrafish and quokkas meet rarely. The end.")),
                null, null, List.of("AU"), List.of(), List.of("en"), List.of(), List.of(), List.of(), null, 2021, true, List.of(), 1001));
        index = IndexService.open(dir, Fixtures.thesaurus());
        index.rebuild(records.iterator());
        index.awaitSuggestions();
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    static Hit first(String q, String lang) {
        return index.search(SearchRequest.builder().q(q).lang(lang).limit(1).build()).hits().get(0);
    }

    @Test
    void aTextLikeARecordFindsThatRecordFirstWithItsPlainEscapedTitle() {
        List<ScoredHit> similar = index.similarTo("<script>alert('x')</script> Robots & teachers", "Robots help <b>teachers</b> \"grade\" work.", 3);
        assertEquals("xss", similar.get(0).hit().id());
        assertEquals("<script>alert('x')</script> Robots & teachers", similar.get(0).hit().title());
        assertEquals("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt; Robots &amp; teachers", similar.get(0).hit().highlights().get("title"));
    }

    @Test
    void highlightsEscapeEverythingButTheMarks() {
        Hit hit = first("robots", "en");
        assertEquals("xss", hit.id());
        assertEquals("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt; <mark>Robots</mark> &amp; teachers", hit.highlights().get("title"));
        assertEquals("<mark>Robots</mark> help &lt;b&gt;teachers&lt;&#x2F;b&gt; &quot;grade&quot; work.", hit.highlights().get("summary"));
        assertEquals("<script>alert('x')</script> Robots & teachers", hit.title());
    }

    @Test
    void wordsAreMarkedOneByOneAndQuotedPhrasesWhole() {
        // Single words take the highlighter's token-filtering path, phrases the positional one: same marks.
        assertEquals("<mark>Robots</mark> help &lt;b&gt;teachers&lt;&#x2F;b&gt; &quot;<mark>grade</mark>&quot; <mark>work</mark>.",
                first("robots grade work", "en").highlights().get("summary"));
        assertEquals("Robots help &lt;b&gt;teachers&lt;&#x2F;b&gt; &quot;<mark>grade&quot; work</mark>.",
                first("\"grade work\"", "en").highlights().get("summary"));
    }

    @Test
    void aSummaryShowsItsTwoBestSentencesInTextOrderJoinedByAnEllipsis() {
        // The fifth sentence holds both words; of those with one, the shorter scores higher (BM25's length norm).
        assertEquals("<mark>Quokkas</mark> are small.  … <mark>Zebrafish</mark> and <mark>quokkas</mark> meet rarely. ",
                first("zebrafish quokkas", "en").highlights().get("summary"));
        // Adjacent sentences join without an ellipsis.
        assertEquals("Nothing here is <mark>relevant</mark>. <mark>Quokkas</mark> are small. ",
                index.search(SearchRequest.builder().q("quokkas relevant").lang("en").limit(1).build()).hits().get(0).highlights().get("summary"));
    }

    @Test
    void aSummaryWithoutMatchesShowsItsFirstTwoSentences() {
        Hit hit = first("\"field notes\"", "en");
        assertEquals("passages", hit.id());
        assertEquals("Quokka <mark>field notes</mark>", hit.highlights().get("title"));
        assertEquals("Zebrafish live in rivers. Nothing here is relevant. ", hit.highlights().get("summary"));
    }

    @Test
    void prefixesMarkEveryWordTheyStartAndOverlappingMatchesMarkOnce() {
        assertEquals("<mark>Zebrafish</mark> live in rivers.  … <mark>Zebrafish</mark> and quokkas meet rarely. ",
                first("zebraf*", "en").highlights().get("summary"));
        // "zebrafish" alone and the phrase "zebrafish live" overlap: one mark from the first to the last word.
        assertEquals("<mark>Zebrafish live</mark> in rivers.  … <mark>Zebrafish</mark> and quokkas meet rarely. ",
                first("zebrafish \"zebrafish live\"", "en").highlights().get("summary"));
    }

    @Test
    void listingsCarryEscapedTextWithoutMarks() {
        SearchResult listing = index.search(SearchRequest.builder().country(List.of("FR")).yearFrom(2020).yearTo(2020).build());
        Hit hit = listing.hits().stream().filter(h -> h.id().equals("xss")).findFirst().orElseThrow();
        assertFalse(hit.highlights().get("title").contains("<script"));
        assertFalse(hit.highlights().get("title").contains("<mark>"));
    }

    @Test
    void crossLingualMatchesMarkTheConceptLabelsInTheShownLanguage() {
        Hit hit = first("formation des enseignants", "fr");
        SearchResult english = index.search(SearchRequest.builder().q("enseignants").lang("fr").language(List.of("en")).type(List.of("course"))
                .country(List.of("US")).limit(20).build());
        Hit microsoft = english.hits().stream().filter(h -> h.id().equals("microsoft-ai-for-educators")).findFirst().orElseThrow();
        assertEquals("en", microsoft.textLanguage());
        assertTrue(microsoft.highlights().get("summary").contains("<mark>teachers</mark>"), microsoft.highlights().get("summary"));
        assertTrue(hit.highlights().get("summary").contains("<mark>formation des enseignants</mark>"), hit.highlights().toString());
    }

    @Test
    void titlesAreShownInTheRequestLanguageWhenTranslated() {
        Hit french = first("\"Beijing Consensus\"", "fr");
        assertEquals("unesco-beijing-consensus", french.id());
        assertEquals("fr", french.textLanguage());
        assertEquals("Consensus de Beijing sur l'intelligence artificielle et l'éducation", french.title());
        // The French translation has no summary: the original one is shown, and said to be English.
        assertEquals("en", french.summaryLanguage());
        assertTrue(french.summary().startsWith("Outcome document"));
        Hit german = first("\"Beijing Consensus\"", "de");
        assertEquals("en", german.textLanguage());
    }

    @Test
    void relatedRecordsExcludeTheRecordItself() {
        List<Hit> related = index.related("unesco-ai-cft", 5);
        assertEquals(5, related.size());
        assertTrue(related.stream().noneMatch(h -> h.id().equals("unesco-ai-cft")));
        assertTrue(related.stream().anyMatch(h -> h.id().equals("unesco-mooc-ai-digital-transformation")), related.toString());
        List<String> chinese = index.related("cn-squirrel-ai", "en", 5).stream().map(Hit::id).toList();
        assertFalse(chinese.contains("cn-squirrel-ai"));
        assertEquals(5, chinese.size());
        assertEquals(List.of(), index.related("no-such-record", 5));
    }

    @Test
    void autocompleteOffersTitlesAndConceptLabels() {
        List<Suggestion> suggestions = index.suggest("khanm", "en", 5);
        assertEquals(new Suggestion("Khanmigo", "en", "us-khanmigo", null), suggestions.get(0));
        List<Suggestion> french = index.suggest("intelligence art", "fr", 10);
        assertEquals(new Suggestion("intelligence artificielle", "fr", null, "artificial_intelligence"), french.get(0));
        assertTrue(index.suggest("人工", null, 10).stream().anyMatch(s -> "zh".equals(s.language())));
        assertEquals(10, index.suggest("a", "en", 50).size());
        assertEquals(List.of(), index.suggest("", "en", 5));
        assertEquals(List.of(), index.suggest("zzzzqqq", "en", 5));
    }

    @Test
    void autocompleteFollowsChanges() throws Exception {
        index.apply(List.of(Fixtures.doc("zanzibar", "en", "Zanzibar coding clubs", "", 2000)), List.of(), 2000);
        index.awaitSuggestions();
        assertEquals("zanzibar", index.suggest("zanzi", "en", 5).get(0).slug());
        index.apply(List.of(), List.of("zanzibar"), 2001);
        index.awaitSuggestions();
        assertEquals(List.of(), index.suggest("zanzi", "en", 5));
    }

    @Test
    void fewResultsComeWithASpellingSuggestion() {
        SearchResult typo = index.search(SearchRequest.builder().q("Khanmgio").build());
        assertEquals(0, typo.total());
        assertEquals("Khanmigo", typo.suggestion());
        SearchResult twoTypos = index.search(SearchRequest.builder().q("artifical inteligence").build());
        assertEquals("artificial intelligence", twoTypos.suggestion());
        assertNull(index.search(SearchRequest.builder().q("artificial intelligence").build()).suggestion());
        assertNull(index.search(SearchRequest.builder().q("qqqqzzzz").build()).suggestion());
    }
}
