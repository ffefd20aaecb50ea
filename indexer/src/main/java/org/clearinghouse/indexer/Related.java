package org.clearinghouse.indexer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Records like a given one: MoreLikeThis over its folded titles, summaries and keywords (every language
 * at once), its thesaurus concepts, and small fixed boosts for each theme and jurisdiction it shares.
 */
final class Related {
    static final float SHARED_THEME = 0.5f;
    static final float SHARED_COUNTRY = 1f;
    static final float SHARED_CONCEPT = 0.5f;
    private static final String[] FIELDS = {Schema.TITLE_NEUTRAL, Schema.SUMMARY_NEUTRAL, Schema.KEYWORDS};

    private final Analyzers analyzers;
    private final FacetsConfig facetsConfig;
    private final HitReader hits;

    Related(Analyzers analyzers, FacetsConfig facetsConfig, HitReader hits) {
        this.analyzers = analyzers;
        this.facetsConfig = facetsConfig;
        this.hits = hits;
    }

    List<Hit> related(IndexSearcher shared, String id, String lang, int limit) throws IOException {
        IndexSearcher searcher = Searching.timed(shared);
        TopDocs self = searcher.search(new TermQuery(new Term(Schema.ID, id)), 1);
        if (self.scoreDocs.length == 0) {
            return List.of();
        }
        Document source = searcher.storedFields().document(self.scoreDocs[0].doc);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Query like = moreLikeThis(searcher, source);
        if (like != null) {
            query.add(like, Occur.SHOULD);
        }
        for (String concept : source.getValues(Schema.CONCEPT_STORED)) {
            query.add(new BoostQuery(new TermQuery(new Term(Schema.CONCEPT, concept)), SHARED_CONCEPT), Occur.SHOULD);
        }
        shared(query, Schema.THEME, source.getValues(Schema.THEME), SHARED_THEME);
        shared(query, Schema.COUNTRY, source.getValues(Schema.COUNTRY), SHARED_COUNTRY);
        query.add(new TermQuery(new Term(Schema.ID, id)), Occur.MUST_NOT);
        Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(Schema.ID, SortField.Type.STRING));
        TopDocs top = searcher.search(query.build(), limit, sort);
        List<Hit> out = new ArrayList<>();
        for (ScoreDoc doc : top.scoreDocs) {
            out.add(hits.read(searcher, doc.doc, lang == null ? source.get(Schema.ORIGINAL_LANGUAGE) : lang, hits.marker(null)));
        }
        return List.copyOf(out);
    }

    /**
     * Records whose titles and summaries look like this text (a record not yet in the index), best first, with
     * MoreLikeThis's raw scores: candidates for a duplicate check, which the caller judges further.
     */
    List<ScoredHit> like(IndexSearcher shared, String title, String summary, int limit) throws IOException {
        IndexSearcher searcher = Searching.timed(shared);
        Map<String, Collection<Object>> fields = new HashMap<>();
        fields.put(Schema.TITLE_NEUTRAL, new ArrayList<>(List.of(title == null ? "" : title)));
        fields.put(Schema.SUMMARY_NEUTRAL, new ArrayList<>(List.of(summary == null ? "" : summary)));
        fields.put(Schema.KEYWORDS, new ArrayList<>());
        Query query = mlt(searcher).like(fields);
        if (query instanceof BooleanQuery b && b.clauses().isEmpty()) {
            return List.of();
        }
        Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(Schema.ID, SortField.Type.STRING));
        TopDocs top = searcher.search(query, limit, sort, true);
        List<ScoredHit> out = new ArrayList<>();
        for (ScoreDoc doc : top.scoreDocs) {
            out.add(new ScoredHit(hits.read(searcher, doc.doc, null, hits.marker(null)), doc.score));
        }
        return List.copyOf(out);
    }

    private MoreLikeThis mlt(IndexSearcher searcher) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analyzers.perField());
        mlt.setFieldNames(FIELDS);
        mlt.setStopWords(analyzers.stopWords());
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(2);
        mlt.setMaxQueryTerms(25);
        mlt.setBoost(true);
        return mlt;
    }

    private Query moreLikeThis(IndexSearcher searcher, Document source) throws IOException {
        MoreLikeThis mlt = mlt(searcher);
        Map<String, Collection<Object>> fields = new HashMap<>();
        for (String field : FIELDS) {
            fields.put(field, new ArrayList<>());
        }
        for (IndexableField f : source.getFields()) {
            if (f.name().startsWith("t.")) {
                fields.get(Schema.TITLE_NEUTRAL).add(f.stringValue());
            } else if (f.name().startsWith("s.")) {
                fields.get(Schema.SUMMARY_NEUTRAL).add(f.stringValue());
            } else if (f.name().equals(Schema.KEYWORD_STORED)) {
                fields.get(Schema.KEYWORDS).add(f.stringValue());
            }
        }
        Query query = mlt.like(fields);
        return query instanceof BooleanQuery b && b.clauses().isEmpty() ? null : query;
    }

    private void shared(BooleanQuery.Builder query, String dim, String[] values, float boost) {
        String field = facetsConfig.getDimConfig(dim).indexFieldName;
        for (String value : values) {
            Query term = new TermQuery(DrillDownQuery.term(field, dim, value));
            query.add(new BoostQuery(new ConstantScoreQuery(term), boost), Occur.SHOULD);
        }
    }
}
