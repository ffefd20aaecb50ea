package org.clearinghouse.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.search.PrefixQuery;
import org.clearinghouse.indexer.QueryPlanner.Plan;
import org.clearinghouse.indexer.Unit.Alternative;

/**
 * Marks query words in the title and summary shown for a hit. The shown text is re-analysed with the
 * analyzer of its language, against a query built for that one field: the words as that analyzer sees
 * them, plus the labels (in the shown language) of concepts the query reached through the thesaurus, so a
 * French query for "enseignants" marks "teachers" in an English summary.
 */
final class Highlights {
    private static final int SUMMARY_PASSAGES = 2;
    private static final int MAX_CONCEPT_LABELS = 8;

    private final Analyzers analyzers;
    private final ConceptIndex concepts;
    private final TextQueries queries;
    private final UnifiedHighlighter titles;
    private final UnifiedHighlighter summaries;

    Highlights(Analyzers analyzers, ConceptIndex concepts, TextQueries queries) {
        this.analyzers = analyzers;
        this.concepts = concepts;
        this.queries = queries;
        DefaultPassageFormatter formatter = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
        this.titles = UnifiedHighlighter.builderWithoutSearcher(analyzers.perField())
                .withFormatter(formatter)
                .withBreakIterator(WholeBreakIterator::new)
                .build();
        this.summaries = UnifiedHighlighter.builderWithoutSearcher(analyzers.perField())
                .withFormatter(formatter)
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ROOT))
                .build();
    }

    /** HTML for a title: escaped, with marks when the plan matches it. */
    String title(Plan plan, String lang, String text) {
        return highlight(titles, plan, Schema.title(lang), lang, text, 1);
    }

    String summary(Plan plan, String lang, String text) {
        return highlight(summaries, plan, Schema.summary(lang), lang, text, SUMMARY_PASSAGES);
    }

    private String highlight(UnifiedHighlighter highlighter, Plan plan, String field, String lang, String text, int passages) {
        if (text.isEmpty()) {
            return "";
        }
        Query query = plan == null ? null : query(plan, field, lang);
        if (query == null) {
            return passages == 1 ? Html.escape(text) : firstPassages(text, passages);
        }
        try {
            Object html = highlighter.highlightWithoutSearcher(field, query, text, passages);
            return html == null ? Html.escape(text) : html.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String firstPassages(String text, int passages) {
        try {
            Object html = summaries.highlightWithoutSearcher(Schema.SUMMARY_NEUTRAL, new BooleanQuery.Builder().build(), text, passages);
            return html == null ? Html.escape(text) : html.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query query(Plan plan, String field, String lang) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        for (Unit unit : plan.units()) {
            for (Alternative alternative : unit.alternatives()) {
                Query q = alternative.kind() == Unit.Kind.PREFIX
                        ? prefix(field, alternative.text())
                        : queries.fieldQuery(field, alternative.text(), alternative.slop());
                if (q != null) {
                    query.add(q, Occur.SHOULD);
                    clauses++;
                }
                int labels = 0;
                for (String id : alternative.conceptIds()) {
                    for (String label : concepts.labels(id, lang)) {
                        Query l = queries.fieldQuery(field, label, 0);
                        if (l != null && labels++ < MAX_CONCEPT_LABELS) {
                            query.add(l, Occur.SHOULD);
                            clauses++;
                        }
                    }
                }
            }
        }
        for (String stopWord : plan.stopWordsOnly()) {
            Query q = queries.fieldQuery(field, stopWord, 0);
            if (q != null) {
                query.add(q, Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : query.build();
    }

    private Query prefix(String field, String text) {
        var normalized = analyzers.perField().normalize(field, text);
        return normalized.length == 0 ? null : new PrefixQuery(new Term(field, normalized));
    }
}
