package org.clearinghouse.indexer;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.clearinghouse.indexer.Analyzers.Token;
import org.clearinghouse.indexer.QueryPlanner.Plan;
import org.clearinghouse.indexer.Unit.Alternative;

/**
 * Turns a plan into Lucene queries: each text is analysed with the analyzer of every field it is searched
 * in. The request language's own fields weigh most, then the folded fields that hold every text, then
 * concepts (a match through the thesaurus, in whatever language), then the other languages' fields.
 */
final class TextQueries {
    record WeightedField(String field, float boost) {
    }

    static final float OWN_TITLE = 6f, OWN_SUMMARY = 3f;
    static final float NEUTRAL_TITLE = 3f, NEUTRAL_SUMMARY = 1.5f, KEYWORDS = 2f;
    static final float OTHER_TITLE = 1f, OTHER_SUMMARY = 0.5f;
    static final float CONCEPT = 1.5f;
    static final float PLACES = 1.5f;
    static final float TIE_BREAKER = 0.2f;
    /** Bounds the clauses one prefix can add; with the parser's limits the whole query stays under 1024. */
    static final int PREFIX_EXPANSIONS = 30;

    private final Analyzers analyzers;

    TextQueries(Analyzers analyzers) {
        this.analyzers = analyzers;
    }

    static List<WeightedField> fields(String lang) {
        List<WeightedField> out = new ArrayList<>();
        if (Schema.analyzed(lang)) {
            out.add(new WeightedField(Schema.title(lang), OWN_TITLE));
            out.add(new WeightedField(Schema.summary(lang), OWN_SUMMARY));
        }
        out.add(new WeightedField(Schema.TITLE_NEUTRAL, Schema.analyzed(lang) ? NEUTRAL_TITLE : OWN_TITLE));
        out.add(new WeightedField(Schema.SUMMARY_NEUTRAL, Schema.analyzed(lang) ? NEUTRAL_SUMMARY : OWN_SUMMARY));
        out.add(new WeightedField(Schema.KEYWORDS, KEYWORDS));
        out.add(new WeightedField(Schema.PLACES, PLACES));
        for (String other : Schema.ANALYZED_LANGUAGES) {
            if (!other.equals(lang)) {
                out.add(new WeightedField(Schema.title(other), OTHER_TITLE));
                out.add(new WeightedField(Schema.summary(other), OTHER_SUMMARY));
            }
        }
        return out;
    }

    static List<WeightedField> prefixFields() {
        return List.of(new WeightedField(Schema.TITLE_NEUTRAL, NEUTRAL_TITLE),
                new WeightedField(Schema.SUMMARY_NEUTRAL, NEUTRAL_SUMMARY),
                new WeightedField(Schema.KEYWORDS, KEYWORDS));
    }

    /** The query for a plan, or null when it should match every record. */
    Query build(Plan plan) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        List<WeightedField> fields = fields(plan.lang());
        int wanted = 0;
        for (Unit unit : plan.units()) {
            Query q = unit(unit, fields);
            if (q != null) {
                query.add(q, Occur.SHOULD);
                wanted++;
            }
        }
        if (wanted == 0) {
            List<WeightedField> folded = List.of(new WeightedField(Schema.TITLE_NEUTRAL, 1f), new WeightedField(Schema.SUMMARY_NEUTRAL, 1f));
            for (String stopWord : plan.stopWordsOnly()) {
                Query q = text(stopWord, 0, folded);
                if (q != null) {
                    query.add(q, Occur.MUST);
                    wanted++;
                }
            }
        } else {
            query.setMinimumNumberShouldMatch(minimumShouldMatch(wanted));
        }
        boolean excludes = false;
        for (String text : plan.excluded()) {
            Query q = text(text, 0, fields);
            if (q != null) {
                query.add(q, Occur.MUST_NOT);
                excludes = true;
            }
        }
        if (wanted == 0) {
            if (!excludes) {
                return null;
            }
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return query.build();
    }

    /**
     * Short queries need every part; longer ones tolerate a part or two that a record in another language
     * cannot contain (a word with no thesaurus concept behind it).
     */
    static int minimumShouldMatch(int units) {
        if (units <= 2) {
            return units;
        }
        if (units <= 4) {
            return units - 1;
        }
        return (int) Math.ceil(units * 0.6);
    }

    private Query unit(Unit unit, List<WeightedField> fields) {
        List<Query> disjuncts = new ArrayList<>();
        for (Alternative alternative : unit.alternatives()) {
            if (alternative.kind() == Unit.Kind.PREFIX) {
                for (WeightedField f : prefixFields()) {
                    Query prefix = prefix(f.field(), alternative.text());
                    if (prefix != null) {
                        disjuncts.add(new BoostQuery(prefix, f.boost()));
                    }
                }
                continue;
            }
            for (WeightedField f : fields) {
                Query q = fieldQuery(f.field(), alternative.text(), alternative.slop());
                if (q != null) {
                    disjuncts.add(new BoostQuery(q, f.boost()));
                }
            }
            for (String id : alternative.conceptIds()) {
                disjuncts.add(new BoostQuery(new TermQuery(new Term(Schema.CONCEPT, id)), CONCEPT));
            }
        }
        return disjuncts.isEmpty() ? null : new DisjunctionMaxQuery(disjuncts, TIE_BREAKER);
    }

    private Query text(String text, int slop, List<WeightedField> fields) {
        List<Query> disjuncts = new ArrayList<>();
        for (WeightedField f : fields) {
            Query q = fieldQuery(f.field(), text, slop);
            if (q != null) {
                disjuncts.add(new BoostQuery(q, f.boost()));
            }
        }
        return disjuncts.isEmpty() ? null : new DisjunctionMaxQuery(disjuncts, TIE_BREAKER);
    }

    /** A term or phrase of the text as the field's analyzer sees it; null if nothing is left of it. */
    Query fieldQuery(String field, String text, int slop) {
        Analyzer analyzer = analyzers.perField();
        List<Token> tokens = Analyzers.tokens(analyzer, field, text);
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0).term()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        phrase.setSlop(slop);
        int position = -1;
        for (Token token : tokens) {
            if (token.positionIncrement() == 0) {
                continue;
            }
            position += token.positionIncrement();
            phrase.add(new Term(field, token.term()), position);
        }
        return phrase.build();
    }

    Query prefix(String field, String text) {
        BytesRef normalized = analyzers.perField().normalize(field, text);
        if (normalized.length == 0) {
            return null;
        }
        PrefixQuery query = new PrefixQuery(new Term(field, normalized),
                new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(PREFIX_EXPANSIONS));
        return query;
    }
}
