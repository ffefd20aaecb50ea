package org.clearinghouse.indexer;

import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * A unified highlighter that hands out its per-field highlighter: the query's terms and automata are then
 * compiled once for a search's 20 hits, as the highlighter itself does when it highlights several documents,
 * rather than once per text as {@code highlightWithoutSearcher} does.
 */
final class ReusableHighlighter extends UnifiedHighlighter {
    ReusableHighlighter(Builder builder) {
        super(builder);
    }

    /** For texts of one field against one query. Not thread-safe: it holds a break iterator and a memory index. */
    FieldHighlighter forField(String field, Query query, int passages) {
        return getFieldHighlighter(field, query, extractTerms(query), passages);
    }
}
