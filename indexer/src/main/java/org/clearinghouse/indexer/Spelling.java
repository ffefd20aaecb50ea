package org.clearinghouse.indexer;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.clearinghouse.indexer.UserQuery.Atom;
import org.clearinghouse.indexer.UserQuery.Group;
import org.clearinghouse.indexer.UserQuery.Kind;

/**
 * "Did you mean": words that occur in no title, summary or keyword are replaced by the closest folded term
 * that does; the corrected query is offered only if it finds more records.
 */
final class Spelling {
    private static final List<String> FIELDS = List.of(Schema.TITLE_NEUTRAL, Schema.SUMMARY_NEUTRAL, Schema.KEYWORDS);

    private static final int MAX_WORD_LENGTH = 30;

    private final Analyzers analyzers;
    private final DirectSpellChecker checker = new DirectSpellChecker();

    Spelling(Analyzers analyzers) {
        this.analyzers = analyzers;
        // Any term of the index may be a correction: proper names occur in one record only.
        checker.setThresholdFrequency(0f);
        checker.setMinQueryLength(4);
        // Longer words would build automata too large to be worth it (Lucene refuses them anyway).
        checker.setMaxQueryLength(MAX_WORD_LENGTH);
    }

    /** @param count how many records a query text finds, under the same language */
    String suggest(IndexReader reader, UserQuery query, long found, ToLongFunction<String> count) throws IOException {
        StringBuilder corrected = new StringBuilder(query.text());
        int shift = 0;
        boolean changed = false;
        for (Group group : query.groups()) {
            if (group.excluded()) {
                continue;
            }
            for (Atom atom : group.atoms()) {
                if (atom.kind() != Kind.WORD || Languages.hasHan(atom.text())) {
                    continue;
                }
                String replacement = correct(reader, atom.text());
                if (replacement != null) {
                    corrected.replace(atom.start() + shift, atom.end() + shift, replacement);
                    shift += replacement.length() - (atom.end() - atom.start());
                    changed = true;
                }
            }
        }
        if (!changed) {
            return null;
        }
        String suggestion = corrected.toString();
        return count.applyAsLong(suggestion) > found ? suggestion : null;
    }

    private String correct(IndexReader reader, String word) throws IOException {
        List<String> terms = Analyzers.terms(analyzers.neutral(), Schema.TITLE_NEUTRAL, word);
        if (terms.size() != 1) {
            return null;
        }
        String term = terms.get(0);
        if (term.length() > MAX_WORD_LENGTH) {
            return null;
        }
        for (String field : FIELDS) {
            if (reader.docFreq(new Term(field, term)) > 0) {
                return null;
            }
        }
        SuggestWord best = null;
        for (String field : FIELDS) {
            for (SuggestWord candidate : checker.suggestSimilar(new Term(field, term), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
                if (best == null || candidate.score > best.score || (candidate.score == best.score && candidate.freq > best.freq)) {
                    best = candidate;
                }
            }
        }
        if (best == null) {
            return null;
        }
        boolean capital = Character.isUpperCase(word.codePointAt(0));
        int first = best.string.offsetByCodePoints(0, 1);
        return capital ? best.string.substring(0, first).toUpperCase(Locale.ROOT) + best.string.substring(first) : best.string;
    }
}
