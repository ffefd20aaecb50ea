package org.clearinghouse.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
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
 *
 * <p>Highlighting is most of a search's own cost (20 hits, title and summary each re-analysed), so: a query
 * made of single terms only is marked by filtering the text's token stream, without the in-memory index and
 * match positions that phrases need; and the per-field query and highlighter (terms, automata) are built once per search, not once per hit.
 */
final class Highlights {
    private static final int SUMMARY_PASSAGES = 2;
    private static final int MAX_CONCEPT_LABELS = 8;

    private final Analyzers analyzers;
    private final ConceptIndex concepts;
    private final TextQueries queries;
    private final ReusableHighlighter titles;
    private final ReusableHighlighter summaries;
    private final ReusableHighlighter termTitles;
    private final ReusableHighlighter termSummaries;

    Highlights(Analyzers analyzers, ConceptIndex concepts, TextQueries queries) {
        this.analyzers = analyzers;
        this.concepts = concepts;
        this.queries = queries;
        DefaultPassageFormatter formatter = new DefaultPassageFormatter("<mark>", "</mark>", " … ", true);
        Supplier<BreakIterator> sentences = () -> BreakIterator.getSentenceInstance(Locale.ROOT);
        this.titles = highlighter(formatter, WholeBreakIterator::new, true);
        this.summaries = highlighter(formatter, sentences, true);
        this.termTitles = highlighter(formatter, WholeBreakIterator::new, false);
        this.termSummaries = highlighter(formatter, sentences, false);
    }

    private ReusableHighlighter highlighter(DefaultPassageFormatter formatter, Supplier<BreakIterator> breaks, boolean positions) {
        return new ReusableHighlighter(UnifiedHighlighter.builderWithoutSearcher(analyzers.perField())
                .withFormatter(formatter)
                .withBreakIterator(breaks)
                // Without both flags the highlighter filters the token stream instead of building a memory index.
                .withWeightMatches(positions)
                .withPassageRelevancyOverSpeed(positions));
    }

    /** Marks the hits of one search: holds the per-field queries of its plan (null plan: no marks). */
    Marker marker(Plan plan) {
        return new Marker(plan);
    }

    /** Not thread-safe: one per search, used by the thread that runs it. */
    final class Marker {
        private final Plan plan;
        /** Per field: the highlighter compiled for the plan's query in that field, empty when nothing can match. */
        private final Map<String, Optional<FieldHighlighter>> byField = new HashMap<>();

        private Marker(Plan plan) {
            this.plan = plan;
        }

        /** HTML for a title: escaped, with marks when the plan matches it. */
        String title(String lang, String text) {
            return highlight(Schema.title(lang), lang, text, 1);
        }

        String summary(String lang, String text) {
            return highlight(Schema.summary(lang), lang, text, SUMMARY_PASSAGES);
        }

        private String highlight(String field, String lang, String text, int passages) {
            if (text.isEmpty()) {
                return "";
            }
            FieldHighlighter highlighter = plan == null ? null : byField.computeIfAbsent(field, f -> {
                Query query = query(plan, f, lang);
                if (query == null) {
                    return Optional.empty();
                }
                boolean terms = termsOnly(query);
                ReusableHighlighter h = passages == 1 ? (terms ? termTitles : titles) : (terms ? termSummaries : summaries);
                return Optional.of(h.forField(f, query, passages));
            }).orElse(null);
            if (highlighter == null) {
                return passages == 1 ? Html.escape(text) : firstPassages(text, passages);
            }
            try {
                Object html = highlighter.highlightFieldForDoc(null, -1, text);
                return html == null ? Html.escape(text) : html.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

    /** A query of single terms only: nothing to mark depends on positions. */
    private static boolean termsOnly(Query query) {
        if (query instanceof TermQuery) {
            return true;
        }
        if (query instanceof BooleanQuery bool) {
            return bool.clauses().stream().allMatch(c -> c.getQuery() instanceof TermQuery);
        }
        return false;
    }

    private Query prefix(String field, String text) {
        var normalized = analyzers.perField().normalize(field, text);
        return normalized.length == 0 ? null : new PrefixQuery(new Term(field, normalized));
    }
}
