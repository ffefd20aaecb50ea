package org.clearinghouse.indexer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues.MultiSortedSetDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.LongValues;

/**
 * The page and the multi-select facet counts of a search in one pass over the index, the way Lucene's
 * drill-sideways works but as an ordinary collector (so the searcher's timeout bounds it). The query runs
 * once, restricted to records that pass all filters but at most one; a record that passes them all is a hit
 * (collected for the page, counted in every dimension), one that misses exactly one filter is counted only
 * in that filter's dimension. Counting happens as records are collected, straight from the facet doc values.
 */
final class SidewaysFacets {
    record Outcome(TopFieldDocs top, Map<String, List<FacetCount>> facets) {
    }

    private SidewaysFacets() {
    }

    /**
     * @param filters one query per filtered dimension (values of a dimension are alternatives)
     * @param state   the facet ordinals of the searcher's reader; null when no record has a facet value
     */
    static Outcome search(IndexSearcher searcher, SortedSetDocValuesReaderState state, Query base, Map<String, Query> filters,
                          TopFieldCollectorManager page, List<String> dimensions) throws IOException {
        List<String> filtered = new ArrayList<>(filters.keySet());
        Weight[] filterWeights = new Weight[filtered.size()];
        for (int i = 0; i < filterWeights.length; i++) {
            filterWeights[i] = searcher.createWeight(searcher.rewrite(filters.get(filtered.get(i))), ScoreMode.COMPLETE_NO_SCORES, 1f);
        }
        SortedSetDocValues ordinals = state == null ? null : state.getDocValues();
        Counting counting = new Counting(state, ordinals, filterWeights, page);
        Collected collected = searcher.search(driver(base, filters.values()), counting);
        Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
        for (String dim : dimensions) {
            int sideways = filtered.indexOf(dim);
            facets.put(dim, collected.counts(state, ordinals, dim, sideways < 0 ? null : collected.sideways[sideways]));
        }
        return new Outcome(collected.top, java.util.Collections.unmodifiableMap(facets));
    }

    /** The base query restricted to records that pass every filter but at most one. */
    private static Query driver(Query base, Collection<Query> filters) {
        if (filters.size() < 2) {
            return base;
        }
        BooleanQuery.Builder allButOne = new BooleanQuery.Builder().setMinimumNumberShouldMatch(filters.size() - 1);
        filters.forEach(f -> allButOne.add(f, Occur.SHOULD));
        return new BooleanQuery.Builder().add(base, Occur.MUST).add(allButOne.build(), Occur.FILTER).build();
    }

    /** What one collector gathered: the page, counts over the hits, and per filter counts over its near misses. */
    private static final class Collected {
        final TopFieldDocs top;
        final int[] hits;
        final int[][] sideways;

        Collected(TopFieldDocs top, int[] hits, int[][] sideways) {
            this.top = top;
            this.hits = hits;
            this.sideways = sideways;
        }

        List<FacetCount> counts(SortedSetDocValuesReaderState state, SortedSetDocValues labels, String dim, int[] nearMisses)
                throws IOException {
            OrdRange range = state == null ? null : state.getOrdRange(dim);
            if (range == null) {
                return List.of();
            }
            List<FacetCount> out = new ArrayList<>();
            for (int ord = range.start; ord <= range.end; ord++) {
                int count = hits[ord] + (nearMisses == null ? 0 : nearMisses[ord]);
                if (count > 0) {
                    String[] path = FacetsConfig.stringToPath(labels.lookupOrd(ord).utf8ToString());
                    out.add(new FacetCount(path[path.length - 1], count));
                }
            }
            out.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
            return List.copyOf(out);
        }
    }

    private static final class Counting implements CollectorManager<Counter, Collected> {
        private final SortedSetDocValuesReaderState state;
        private final OrdinalMap ordinals;
        private final Weight[] filters;
        private final TopFieldCollectorManager page;

        Counting(SortedSetDocValuesReaderState state, SortedSetDocValues global, Weight[] filters, TopFieldCollectorManager page) {
            this.state = state;
            this.ordinals = global instanceof MultiSortedSetDocValues multi ? multi.mapping : null;
            this.filters = filters;
            this.page = page;
        }

        @Override
        public Counter newCollector() throws IOException {
            return new Counter(this, page.newCollector());
        }

        @Override
        public Collected reduce(Collection<Counter> collectors) throws IOException {
            int size = state == null ? 0 : state.getSize();
            int[] hits = new int[size];
            int[][] sideways = new int[filters.length][size];
            List<TopFieldCollector> pages = new ArrayList<>();
            for (Counter c : collectors) {
                pages.add(c.page);
                add(hits, c.hits);
                for (int i = 0; i < filters.length; i++) {
                    add(sideways[i], c.sideways[i]);
                }
            }
            return new Collected(page.reduce(pages), hits, sideways);
        }

        private static void add(int[] into, int[] from) {
            for (int i = 0; i < into.length; i++) {
                into[i] += from[i];
            }
        }
    }

    private static final class Counter implements Collector {
        private final Counting manager;
        final TopFieldCollector page;
        final int[] hits;
        final int[][] sideways;

        Counter(Counting manager, TopFieldCollector page) {
            this.manager = manager;
            this.page = page;
            int size = manager.state == null ? 0 : manager.state.getSize();
            this.hits = new int[size];
            this.sideways = new int[manager.filters.length][size];
        }

        @Override
        public ScoreMode scoreMode() {
            // Every match is counted: nothing may be skipped as non-competitive.
            return page.scoreMode().needsScores() ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCollector pageLeaf = page.getLeafCollector(context);
            SortedSetDocValues values = manager.state == null ? null : DocValues.getSortedSet(context.reader(), manager.state.getField());
            LongValues global = manager.ordinals == null ? LongValues.IDENTITY : manager.ordinals.getGlobalOrds(context.ord);
            Membership[] filters = new Membership[manager.filters.length];
            for (int i = 0; i < filters.length; i++) {
                filters[i] = new Membership(manager.filters[i].scorer(context));
            }
            // Counted in the segment's own ordinals, mapped to the reader's once at the end of the segment.
            int segmentValues = values == null ? 0 : (int) values.getValueCount();
            int[] segmentHits = new int[segmentValues];
            int[][] segmentSideways = new int[filters.length][segmentValues];
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    pageLeaf.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                    int missed = -1;
                    for (int i = 0; i < filters.length; i++) {
                        if (!filters[i].contains(doc)) {
                            if (missed >= 0) {
                                return;
                            }
                            missed = i;
                        }
                    }
                    if (missed < 0) {
                        pageLeaf.collect(doc);
                        count(doc, segmentHits);
                    } else {
                        count(doc, segmentSideways[missed]);
                    }
                }

                private void count(int doc, int[] counts) throws IOException {
                    if (values != null && values.advanceExact(doc)) {
                        for (int i = 0, n = values.docValueCount(); i < n; i++) {
                            counts[(int) values.nextOrd()]++;
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    pageLeaf.finish();
                    migrate(segmentHits, hits);
                    for (int i = 0; i < filters.length; i++) {
                        migrate(segmentSideways[i], sideways[i]);
                    }
                }

                private void migrate(int[] segment, int[] into) {
                    for (int ord = 0; ord < segment.length; ord++) {
                        if (segment[ord] != 0) {
                            into[(int) global.get(ord)] += segment[ord];
                        }
                    }
                }
            };
        }
    }

    /** Whether the documents of one segment, visited in increasing order, pass one filter. */
    private static final class Membership {
        private final DocIdSetIterator approximation;
        private final TwoPhaseIterator twoPhase;

        Membership(Scorer scorer) {
            this.twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
            this.approximation = scorer == null ? null : twoPhase != null ? twoPhase.approximation() : scorer.iterator();
        }

        boolean contains(int doc) throws IOException {
            if (approximation == null) {
                return false;
            }
            int at = approximation.docID();
            if (at < doc) {
                at = approximation.advance(doc);
            }
            return at == doc && (twoPhase == null || twoPhase.matches());
        }
    }
}
