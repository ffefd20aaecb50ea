package org.clearinghouse.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PagingTest {
    @TempDir
    static Path dir;
    static IndexService index;
    static Set<String> allIds;

    @BeforeAll
    static void build() throws Exception {
        List<SearchDocument> records = Fixtures.records();
        allIds = records.stream().map(SearchDocument::id).collect(Collectors.toSet());
        index = IndexService.open(dir, Fixtures.thesaurus());
        index.rebuild(records.iterator());
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    static List<String> walk(SearchRequest.Builder request) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            SearchResult page = index.search(request.cursor(cursor).build());
            page.hits().forEach(h -> seen.add(h.id()));
            cursor = page.nextCursor();
            pages++;
            assertTrue(pages < 1000, "paging does not end");
        } while (cursor != null);
        return seen;
    }

    @ParameterizedTest
    @EnumSource(SortOrder.class)
    void pagingVisitsEveryRecordOnce(SortOrder order) {
        List<String> seen = walk(SearchRequest.builder().sort(order).lang("fr").limit(7));
        assertEquals(allIds.size(), seen.size());
        assertEquals(allIds, new HashSet<>(seen));
    }

    @Test
    void pagingARankedQueryMatchesOneLongPage() {
        List<String> paged = walk(SearchRequest.builder().q("artificial intelligence education").limit(3));
        SearchResult whole = index.search(SearchRequest.builder().q("artificial intelligence education").limit(100).build());
        assertTrue(whole.total() > 10 && whole.total() <= 100);
        assertEquals(whole.hits().stream().map(Hit::id).toList(), paged);
        assertNull(whole.nextCursor());
    }

    @Test
    void lastPageHasNoCursor() {
        SearchResult exact = index.search(SearchRequest.builder().q("Khanmigo").limit(1).build());
        assertEquals(1, exact.total());
        assertNull(exact.nextCursor());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "garbage!!", "AAAA", "////", "AQBAlDquAAlmci1sYWxpbG--mp3m", "%00", "null", " "})
    void malformedCursorsAreRejected(String cursor) {
        assertThrows(InvalidCursorException.class, () -> index.search(SearchRequest.builder().cursor(cursor).build()));
    }

    @Test
    void alteredOrForeignCursorsAreRejected() {
        String cursor = index.search(SearchRequest.builder().limit(2).build()).nextCursor();
        char[] chars = cursor.toCharArray();
        chars[5] = chars[5] == 'A' ? 'B' : 'A';
        assertThrows(InvalidCursorException.class, () -> index.search(SearchRequest.builder().cursor(new String(chars)).build()));
        assertThrows(InvalidCursorException.class, () -> index.search(SearchRequest.builder().cursor(cursor.substring(0, cursor.length() - 3)).build()));
        InvalidCursorException foreign = assertThrows(InvalidCursorException.class,
                () -> index.search(SearchRequest.builder().cursor(cursor).sort(SortOrder.TITLE).build()));
        assertTrue(foreign.getMessage().contains("sort order"));
        assertThrows(InvalidCursorException.class, () -> index.search(SearchRequest.builder().cursor("A".repeat(5000)).build()));
    }
}
