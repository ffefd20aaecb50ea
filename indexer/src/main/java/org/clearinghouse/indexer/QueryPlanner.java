package org.clearinghouse.indexer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.clearinghouse.indexer.Analyzers.Token;
import org.clearinghouse.indexer.ConceptIndex.Match;
import org.clearinghouse.indexer.UserQuery.Atom;
import org.clearinghouse.indexer.UserQuery.Group;
import org.clearinghouse.indexer.UserQuery.Kind;
import org.clearinghouse.indexer.Unit.Alternative;

/**
 * Decides what a parsed query means before any Lucene query exists: splits Chinese runs into words, drops
 * stop words of the query language, and joins words that spell a thesaurus label into one unit.
 */
final class QueryPlanner {
    /** What to search for: wanted units, excluded texts, and stop words kept for a query made only of them. */
    record Plan(String lang, List<Unit> units, List<String> excluded, List<String> stopWordsOnly) {
        boolean matchesAll() {
            return units.isEmpty() && stopWordsOnly.isEmpty();
        }
    }

    /** Particles that smartcn keeps as words but that say nothing about a topic. */
    private static final Set<String> CHINESE_PARTICLES = Set.of("的", "了", "和", "与", "及", "是", "在", "对", "之", "或", "等");
    private static final int SPAN_SLOP = 2;

    private final Analyzers analyzers;
    private final ConceptIndex concepts;

    QueryPlanner(Analyzers analyzers, ConceptIndex concepts) {
        this.analyzers = analyzers;
        this.concepts = concepts;
    }

    Plan plan(UserQuery query, String lang) {
        List<Group> groups = splitChinese(query.groups());
        List<Unit> units = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> stopWords = new ArrayList<>();
        List<Atom> run = new ArrayList<>();
        for (Group group : groups) {
            if (group.isSingleWord()) {
                run.add(group.atoms().get(0));
                continue;
            }
            flushRun(run, lang, units, stopWords);
            if (group.excluded()) {
                group.atoms().forEach(a -> excluded.add(a.text()));
                continue;
            }
            List<Alternative> alternatives = new ArrayList<>();
            for (Atom atom : group.atoms()) {
                if (atom.kind() == Kind.PREFIX) {
                    alternatives.add(new Alternative(Unit.Kind.PREFIX, atom.text(), 0, Set.of()));
                } else if (!isStopWord(atom.text(), lang)) {
                    alternatives.add(new Alternative(Unit.Kind.TEXT, atom.text(), 0, wholeLabel(atom.text(), lang)));
                } else {
                    stopWords.add(atom.text());
                }
            }
            if (!alternatives.isEmpty()) {
                units.add(new Unit(List.copyOf(alternatives)));
            }
        }
        flushRun(run, lang, units, stopWords);
        return new Plan(lang, List.copyOf(units), List.copyOf(excluded), units.isEmpty() ? List.copyOf(stopWords) : List.of());
    }

    /** Words [first, last] of a run that spell a label of these concepts. */
    private record Span(int first, int last, Set<String> conceptIds) {
    }

    /**
     * Words of one run become units; words that spell a label become one unit carrying the label's concepts.
     * Labels may overlap ("data protection" and "personal data" in "protection des données personnelles"):
     * overlapping labels of the same concept form one unit, those of different concepts one unit each.
     */
    private void flushRun(List<Atom> run, String lang, List<Unit> units, List<String> stopWords) {
        if (run.isEmpty()) {
            return;
        }
        int n = run.size();
        List<Span> spans = new ArrayList<>(spans(run, 0, n, lang, true));
        boolean[] covered = covered(spans, n);
        int i = 0;
        while (i < n) {
            if (covered[i]) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && !covered[j]) {
                j++;
            }
            spans.addAll(spans(run, i, j, lang, false));
            i = j;
        }
        covered = covered(spans, n);
        spans = merged(spans);
        for (int g = 0; g < n; g++) {
            for (Span span : spans) {
                if (span.first() == g) {
                    StringBuilder text = new StringBuilder();
                    for (int k = span.first(); k <= span.last(); k++) {
                        text.append(k > span.first() ? " " : "").append(run.get(k).text());
                    }
                    int slop = span.first() == span.last() ? 0 : SPAN_SLOP;
                    units.add(new Unit(List.of(new Alternative(Unit.Kind.TEXT, text.toString(), slop, span.conceptIds()))));
                }
            }
            if (covered[g]) {
                continue;
            }
            String word = run.get(g).text();
            if (isStopWord(word, lang)) {
                stopWords.add(word);
            } else {
                units.add(new Unit(List.of(new Alternative(Unit.Kind.TEXT, word, 0, Set.of()))));
            }
        }
        run.clear();
    }

    /** Labels among run[from, to): in the query language's analysis, or folded and in any language. */
    private List<Span> spans(List<Atom> run, int from, int to, String lang, boolean inLanguage) {
        List<String> terms = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int k = from; k < to; k++) {
            String word = run.get(k).text();
            for (String term : inLanguage ? concepts.languageTerms(lang, word) : concepts.neutralTerms(word)) {
                terms.add(term);
                owner.add(k);
            }
        }
        List<Span> out = new ArrayList<>();
        for (Match match : inLanguage ? concepts.labelsInLanguage(lang, terms) : concepts.labelsNeutral(terms)) {
            out.add(new Span(owner.get(match.start()), owner.get(match.end() - 1), match.conceptIds()));
        }
        return out;
    }

    private static boolean[] covered(List<Span> spans, int n) {
        boolean[] covered = new boolean[n];
        for (Span span : spans) {
            for (int k = span.first(); k <= span.last(); k++) {
                covered[k] = true;
            }
        }
        return covered;
    }

    private static List<Span> merged(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(java.util.Comparator.comparingInt(Span::first).thenComparingInt(Span::last));
        List<Span> out = new ArrayList<>();
        for (Span span : sorted) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && span.first() <= last.last() && span.conceptIds().equals(last.conceptIds())) {
                out.set(out.size() - 1, new Span(last.first(), Math.max(last.last(), span.last()), last.conceptIds()));
            } else {
                out.add(span);
            }
        }
        return out;
    }

    /** Concepts of which the whole text is a label (quoted phrases and OR alternatives are not split). */
    private Set<String> wholeLabel(String text, String lang) {
        List<String> terms = concepts.languageTerms(lang, text);
        List<Match> matches = concepts.labelsInLanguage(lang, terms);
        if (matches.size() == 1 && matches.get(0).start() == 0 && matches.get(0).end() == terms.size()) {
            return matches.get(0).conceptIds();
        }
        terms = concepts.neutralTerms(text);
        matches = concepts.labelsNeutral(terms);
        if (matches.size() == 1 && matches.get(0).start() == 0 && matches.get(0).end() == terms.size()) {
            return matches.get(0).conceptIds();
        }
        return Set.of();
    }

    /** A word that the query language's analyzer removes, or that has no letters or digits at all. */
    boolean isStopWord(String text, String lang) {
        Analyzer analyzer = analyzers.forLanguage(lang);
        return Analyzers.terms(analyzer, Schema.title(lang), text).isEmpty();
    }

    /** Chinese is written without spaces: a wanted run of Han becomes one word per segment. */
    private List<Group> splitChinese(List<Group> groups) {
        List<Group> out = new ArrayList<>();
        Analyzer chinese = analyzers.forLanguage("zh");
        for (Group group : groups) {
            if (!group.atoms().stream().anyMatch(a -> a.kind() == Kind.WORD && Languages.hasHan(a.text()))) {
                out.add(group);
                continue;
            }
            if (!group.isSingleWord()) {
                List<Atom> atoms = group.atoms().stream()
                        .map(a -> a.kind() == Kind.WORD && Languages.hasHan(a.text()) ? new Atom(Kind.PHRASE, a.text(), a.start(), a.end()) : a)
                        .toList();
                out.add(new Group(atoms, group.excluded()));
                continue;
            }
            Atom atom = group.atoms().get(0);
            for (Token token : Analyzers.tokens(chinese, Schema.title("zh"), atom.text())) {
                String word = atom.text().substring(token.start(), token.end());
                if (!CHINESE_PARTICLES.contains(word)) {
                    out.add(new Group(List.of(new Atom(Kind.WORD, word, atom.start() + token.start(), atom.start() + token.end())), false));
                }
            }
        }
        return out;
    }
}
