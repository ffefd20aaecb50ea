package org.clearinghouse.indexer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.clearinghouse.indexer.QueryPlanner.Plan;

/** Runs one search request against one searcher: query, filters, multi-select facets, page, highlights. */
final class Searching {
    /** Every search stops collecting after this long and returns what it has. */
    static final long TIMEOUT_MILLIS = 2000;
    /** "Did you mean" is offered when a query finds at most this many records. */
    static final int FEW_HITS = 2;

    private final QueryPlanner planner;
    private final TextQueries queries;
    private final HitReader hits;
    private final Spelling spelling;

    Searching(QueryPlanner planner, TextQueries queries, HitReader hits, Spelling spelling) {
        this.planner = planner;
        this.queries = queries;
        this.hits = hits;
        this.spelling = spelling;
    }

    /** A query text as parsed, planned and built for one language. */
    record Prepared(UserQuery parsed, Plan plan, Query query, String lang) {
        boolean ranked() {
            return !plan.units().isEmpty() || !plan.stopWordsOnly().isEmpty();
        }
    }

    Prepared prepare(String q, String requestLang) {
        String lang = Languages.normalize(requestLang);
        if (lang == null) {
            lang = Languages.detect(q);
        }
        UserQuery parsed = UserQueryParser.parse(q);
        Plan plan = planner.plan(parsed, lang);
        return new Prepared(parsed, plan, queries.build(plan), lang);
    }

    SearchResult search(FacetedSearcher shared, SearchRequest request) throws IOException {
        Prepared prepared = prepare(request.q(), request.lang());
        SortOrder order = request.sort() == null || (request.sort() == SortOrder.RELEVANCE && !prepared.ranked())
                ? (prepared.ranked() ? SortOrder.RELEVANCE : SortOrder.NEWEST)
                : request.sort();
        FieldDoc after = request.cursor() == null || request.cursor().isEmpty() ? null : Cursor.decode(request.cursor(), order);
        Query base = base(prepared.query(), request);
        Map<String, Query> filters = filters(request);
        Sort sort = sort(order, prepared.lang());

        IndexSearcher searcher = timed(shared);
        TopFieldCollectorManager collector = new TopFieldCollectorManager(sort, request.limit() + 1, after, Integer.MAX_VALUE);
        TopFieldDocs top;
        Map<String, List<FacetCount>> facets;
        try {
            SidewaysFacets.Outcome outcome = SidewaysFacets.search(searcher, shared.facetState, base, filters, collector, Schema.FACETS);
            top = outcome.top();
            facets = outcome.facets();
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("query is too complex: it expands to too many terms");
        }

        List<Hit> page = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        Highlights.Marker marker = hits.marker(prepared.plan());
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < Math.min(request.limit(), docs.length); i++) {
            page.add(hits.read(stored, docs[i].doc, prepared.lang(), marker));
        }
        String next = docs.length > request.limit() ? Cursor.encode(order, ((FieldDoc) docs[request.limit() - 1]).fields) : null;
        long total = top.totalHits.value;
        String suggestion = null;
        if (prepared.ranked() && total <= FEW_HITS) {
            suggestion = spelling.suggest(searcher.getIndexReader(), prepared.parsed(), total,
                    text -> count(searcher, text, prepared.lang(), request, filters));
        }
        return new SearchResult(total, List.copyOf(page), facets, next, suggestion);
    }

    /** How many records a corrected query text would find under the same filters. */
    private long count(IndexSearcher searcher, String text, String lang, SearchRequest request, Map<String, Query> filters) {
        try {
            return searcher.count(filtered(base(prepare(text, lang).query(), request), filters, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidSearchRequestException | IndexSearcher.TooManyClauses e) {
            return 0;
        }
    }

    static IndexSearcher timed(IndexSearcher shared) {
        // A searcher per request: the timeout's deadline belongs to this request only.
        IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
        searcher.setTimeout(new QueryTimeoutImpl(TIMEOUT_MILLIS));
        return searcher;
    }

    private static Query base(Query text, SearchRequest request) {
        Query base = text == null ? new MatchAllDocsQuery() : text;
        if (request.open() == null) {
            return base;
        }
        return new BooleanQuery.Builder()
                .add(base, Occur.MUST)
                .add(new TermQuery(new Term(Schema.OPEN, request.open().toString())), Occur.FILTER)
                .build();
    }

    /** One filter per facet dimension the request restricts: its values are alternatives. */
    private static Map<String, Query> filters(SearchRequest request) {
        Map<String, Query> filters = new LinkedHashMap<>();
        drill(filters, Schema.TYPE, request.type());
        drill(filters, Schema.COUNTRY, request.country());
        drill(filters, Schema.REGION, request.region());
        drill(filters, Schema.LANGUAGE, request.language());
        drill(filters, Schema.THEME, request.theme());
        drill(filters, Schema.LEVEL, request.level());
        drill(filters, Schema.AUDIENCE, request.audience());
        drill(filters, Schema.LICENSE, request.license());
        if (request.yearFrom() != null || request.yearTo() != null) {
            int from = request.yearFrom() == null ? Integer.MIN_VALUE : request.yearFrom();
            int to = request.yearTo() == null ? Integer.MAX_VALUE : request.yearTo();
            filters.put(Schema.YEAR, IntPoint.newRangeQuery(Schema.YEAR, from, to));
        }
        return filters;
    }

    private static void drill(Map<String, Query> filters, String dim, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String value : values) {
            any.add(new TermQuery(DrillDownQuery.term(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, dim, value)), Occur.SHOULD);
        }
        filters.put(dim, any.build());
    }

    /** The base query restricted by every filter except the one of {@code skipped}. */
    private static Query filtered(Query base, Map<String, Query> filters, String skipped) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(base, Occur.MUST);
        filters.forEach((dim, filter) -> {
            if (!dim.equals(skipped)) {
                query.add(filter, Occur.FILTER);
            }
        });
        return query.build();
    }

    static Sort sort(SortOrder order, String lang) {
        SortField id = new SortField(Schema.ID, SortField.Type.STRING);
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
            case NEWEST -> new Sort(year(true), id);
            case OLDEST -> new Sort(year(false), id);
            case TITLE -> {
                SortField title = new SortField(Schema.titleSort(lang), SortField.Type.STRING);
                title.setMissingValue(SortField.STRING_LAST);
                yield new Sort(title, id);
            }
        };
    }

    /** Records without a year come last in both directions. */
    private static SortField year(boolean newestFirst) {
        SortField year = new SortField(Schema.YEAR, SortField.Type.INT, newestFirst);
        year.setMissingValue(newestFirst ? Integer.MIN_VALUE : Integer.MAX_VALUE);
        return year;
    }
}
