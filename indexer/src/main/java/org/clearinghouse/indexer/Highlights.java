package org.clearinghouse.indexer;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.clearinghouse.indexer.Analyzers.Token;
import org.clearinghouse.indexer.QueryPlanner.Plan;
import org.clearinghouse.indexer.Unit.Alternative;

/**
 * Marks query words in the title and summary shown for a hit. The shown text is analysed once with the
 * analyzer of its language's field and its tokens compared with what the query means in that field: its
 * words as that analyzer sees them, prefixes, phrases (marked as one span), plus the labels (in the shown
 * language) of concepts the query reached through the thesaurus, so a French query for "enseignants" marks
 * "teachers" in an English summary. A summary shows its best two sentences, scored like Lucene's unified
 * highlighter scores passages.
 *
 * <p>Why not the unified highlighter itself: it was a third of a search's CPU. Phrases and multi-word labels
 * made it build an in-memory index of every shown text; here one analysis of the text and a comparison of its
 * token list does the same for texts of a few hundred words.
 */
final class Highlights {
    private static final int SUMMARY_PASSAGES = 2;
    private static final int MAX_CONCEPT_LABELS = 8;
    private static final String MARK = "<mark>", UNMARK = "</mark>", ELLIPSIS = " … ";
    /** Only the beginning of a very long text is searched for matches (the unified highlighter's default too). */
    static final int MAX_ANALYZED_LENGTH = 10_000;

    private final Analyzers analyzers;
    private final ConceptIndex concepts;
    private final PassageScorer scorer = new PassageScorer();

    Highlights(Analyzers analyzers, ConceptIndex concepts) {
        this.analyzers = analyzers;
        this.concepts = concepts;
    }

    /** A sentence-bounded part of a summary: [start, end) and its score. */
    private record Passage(int start, int end, float score) {
    }

    /** Marks the hits of one search: holds what the plan means per field (null plan: no marks). */
    Marker marker(Plan plan) {
        return new Marker(plan);
    }

    /** Not thread-safe: one per search, used by the thread that runs it. */
    final class Marker {
        private final Plan plan;
        private final Map<String, Optional<FieldMatcher>> byField = new HashMap<>();
        private final BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);

        private Marker(Plan plan) {
            this.plan = plan;
        }

        /** HTML for a title: escaped, with marks when the plan matches it. */
        String title(String lang, String text) {
            if (text.isEmpty()) {
                return "";
            }
            String field = Schema.title(lang);
            List<int[]> spans = spans(field, lang, text);
            if (spans == null) {
                return Html.escape(text);
            }
            StringBuilder out = new StringBuilder(text.length() + 32);
            format(out, text, 0, text.length(), spans);
            return out.toString();
        }

        /** HTML for a summary: its best sentences with marks, else its first sentences. */
        String summary(String lang, String text) {
            if (text.isEmpty()) {
                return "";
            }
            List<int[]> spans = spans(Schema.summary(lang), lang, text);
            sentences.setText(text);
            List<Passage> passages = spans == null || spans.isEmpty() ? List.of()
                    : best(passages(text, spans, boundaries(text, spans.get(spans.size() - 1)[1])));
            StringBuilder out = new StringBuilder(Math.min(text.length(), 600) + 32);
            if (passages.isEmpty()) {
                int end = text.length();
                int boundary = sentences.first();
                for (int i = 0; i < SUMMARY_PASSAGES && boundary != BreakIterator.DONE; i++) {
                    boundary = sentences.next();
                    if (boundary != BreakIterator.DONE) {
                        end = boundary;
                    }
                }
                Html.escape(out, text, 0, end);
                return out.toString();
            }
            int previousEnd = -1;
            for (Passage passage : passages) {
                if (previousEnd >= 0 && passage.start() > previousEnd) {
                    out.append(ELLIPSIS);
                }
                format(out, text, passage.start(), passage.end(), spans);
                previousEnd = passage.end();
            }
            return out.toString();
        }

        /** Matched spans of the text, in order and merged where they overlap; null when nothing can match. */
        private List<int[]> spans(String field, String lang, String text) {
            if (plan == null) {
                return null;
            }
            FieldMatcher matcher = byField.computeIfAbsent(field, f -> Optional.ofNullable(matcher(plan, f, lang))).orElse(null);
            if (matcher == null) {
                return null;
            }
            String analyzed = text.length() <= MAX_ANALYZED_LENGTH ? text : text.substring(0, MAX_ANALYZED_LENGTH);
            return matcher.spans(Analyzers.tokens(analyzers.perField(), field, analyzed));
        }

        /**
         * The sentence boundaries of the text up to the first at or after {@code upTo}, in one pass: asked for
         * the boundary around an offset, the JDK's iterator re-reads the text from a safe point each time, which
         * in long texts without full stops (legal articles) costs milliseconds per match.
         */
        private int[] boundaries(String text, int upTo) {
            int[] out = new int[16];
            int n = 0;
            for (int b = sentences.first(); b != BreakIterator.DONE; b = sentences.next()) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = b;
                if (b >= upTo) {
                    break;
                }
            }
            if (out[n - 1] < text.length() && out[n - 1] < upTo) {
                out = java.util.Arrays.copyOf(out, n + 1);
                out[n++] = text.length();
            }
            return java.util.Arrays.copyOf(out, n);
        }

        /** Sentence-bounded passages around the spans, scored. */
        private List<Passage> passages(String text, List<int[]> spans, int[] boundaries) {
            List<Passage> out = new ArrayList<>();
            int start = -1, end = -1;
            List<int[]> inPassage = new ArrayList<>();
            for (int[] span : spans) {
                if (start >= 0 && span[0] < end) {
                    inPassage.add(span);
                    end = Math.max(end, following(boundaries, span[1]));
                    continue;
                }
                if (start >= 0) {
                    out.add(scored(text, start, end, inPassage));
                }
                start = preceding(boundaries, span[0]);
                end = following(boundaries, span[1]);
                inPassage = new ArrayList<>();
                inPassage.add(span);
            }
            out.add(scored(text, start, end, inPassage));
            return out;
        }

        /** The last boundary at or before the offset. */
        private static int preceding(int[] boundaries, int offset) {
            int i = java.util.Arrays.binarySearch(boundaries, offset);
            return i >= 0 ? boundaries[i] : boundaries[Math.max(0, -i - 2)];
        }

        /** The first boundary at or after the offset (a match's end). */
        private static int following(int[] boundaries, int offset) {
            int i = java.util.Arrays.binarySearch(boundaries, offset);
            return i >= 0 ? boundaries[i] : boundaries[Math.min(boundaries.length - 1, -i - 1)];
        }

        /** Lucene's passage score: each distinct matched text's frequency, saturated by the passage's length. */
        private Passage scored(String text, int start, int end, List<int[]> spans) {
            Map<String, Integer> freq = new HashMap<>();
            for (int[] span : spans) {
                freq.merge(text.substring(span[0], span[1]).toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
            float score = 0;
            for (int f : freq.values()) {
                score += scorer.tf(f, end - start);
            }
            score *= scorer.norm(start);
            return new Passage(start, end, score);
        }

        /** The best passages by score (earlier first on ties), in text order. */
        private List<Passage> best(List<Passage> passages) {
            List<Passage> ranked = new ArrayList<>(passages);
            ranked.sort(Comparator.comparingDouble((Passage p) -> -p.score()).thenComparingInt(Passage::start));
            List<Passage> chosen = new ArrayList<>(ranked.subList(0, Math.min(SUMMARY_PASSAGES, ranked.size())));
            chosen.sort(Comparator.comparingInt(Passage::start));
            return chosen;
        }
    }

    /** Escapes text[start, end) into out, wrapping the parts inside spans in marks. */
    private static void format(StringBuilder out, String text, int start, int end, List<int[]> spans) {
        int at = start;
        for (int[] span : spans) {
            if (span[1] <= start || span[0] >= end) {
                continue;
            }
            int from = Math.max(span[0], at), to = Math.min(span[1], end);
            Html.escape(out, text, at, from);
            out.append(MARK);
            Html.escape(out, text, from, to);
            out.append(UNMARK);
            at = to;
        }
        Html.escape(out, text, at, end);
    }

    /** What a plan looks for in one field, or null when nothing of it is left in that field's analysis. */
    private FieldMatcher matcher(Plan plan, String field, String lang) {
        FieldMatcher matcher = new FieldMatcher();
        for (Unit unit : plan.units()) {
            for (Alternative alternative : unit.alternatives()) {
                if (alternative.kind() == Unit.Kind.PREFIX) {
                    BytesRef prefix = analyzers.perField().normalize(field, alternative.text());
                    if (prefix.length > 0) {
                        matcher.prefixes.add(prefix.utf8ToString());
                    }
                } else {
                    matcher.add(Analyzers.tokens(analyzers.perField(), field, alternative.text()), alternative.slop());
                }
                int labels = 0;
                for (String id : alternative.conceptIds()) {
                    for (String label : concepts.labels(id, lang)) {
                        if (labels < MAX_CONCEPT_LABELS && matcher.add(Analyzers.tokens(analyzers.perField(), field, label), 0)) {
                            labels++;
                        }
                    }
                }
            }
        }
        for (String stopWord : plan.stopWordsOnly()) {
            matcher.add(Analyzers.tokens(analyzers.perField(), field, stopWord), 0);
        }
        return matcher.isEmpty() ? null : matcher;
    }

    /** Single terms, prefixes and term sequences (phrases) of one field. */
    private static final class FieldMatcher {
        final Set<String> terms = new HashSet<>();
        final List<String> prefixes = new ArrayList<>();
        /** Phrases by their first term: terms, their positions relative to the first, and the slop. */
        final Map<String, List<Phrase>> phrases = new HashMap<>();

        record Phrase(String[] terms, int[] positions, int slop) {
        }

        boolean isEmpty() {
            return terms.isEmpty() && prefixes.isEmpty() && phrases.isEmpty();
        }

        /** Adds what a text means in this field; false if its analysis leaves nothing. */
        boolean add(List<Token> tokens, int slop) {
            List<String> words = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            int position = -1;
            for (Token token : tokens) {
                if (token.positionIncrement() == 0) {
                    continue;
                }
                position += token.positionIncrement();
                words.add(token.term());
                positions.add(position);
            }
            if (words.isEmpty()) {
                return false;
            }
            if (words.size() == 1) {
                terms.add(words.get(0));
                return true;
            }
            int first = positions.get(0);
            phrases.computeIfAbsent(words.get(0), w -> new ArrayList<>()).add(new Phrase(words.toArray(String[]::new),
                    positions.stream().mapToInt(p -> p - first).toArray(), slop));
            return true;
        }

        /** The character spans of the text's tokens that match, sorted and merged where they overlap. */
        List<int[]> spans(List<Token> tokens) {
            int n = tokens.size();
            int[] positions = new int[n];
            int position = -1;
            for (int i = 0; i < n; i++) {
                position += tokens.get(i).positionIncrement();
                positions[i] = position;
            }
            List<int[]> spans = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Token token = tokens.get(i);
                String term = token.term();
                if (terms.contains(term) || startsWithAny(term)) {
                    spans.add(new int[] {token.start(), token.end()});
                }
                List<Phrase> candidates = phrases.get(term);
                if (candidates != null) {
                    for (Phrase phrase : candidates) {
                        int last = matchEnd(tokens, positions, i, phrase);
                        if (last >= 0) {
                            spans.add(new int[] {token.start(), tokens.get(last).end()});
                        }
                    }
                }
            }
            if (spans.size() < 2) {
                return spans;
            }
            spans.sort(Comparator.comparingInt((int[] s) -> s[0]).thenComparingInt(s -> s[1]));
            List<int[]> merged = new ArrayList<>();
            for (int[] span : spans) {
                int[] previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (previous != null && span[0] < previous[1]) {
                    previous[1] = Math.max(previous[1], span[1]);
                } else {
                    merged.add(span.clone());
                }
            }
            return merged;
        }

        private boolean startsWithAny(String term) {
            for (String prefix : prefixes) {
                if (term.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The index of the phrase's last token when it occurs from token {@code i} on, in order, each term no
         * further from where the phrase puts it than the slop allows in all; -1 when it does not.
         */
        private static int matchEnd(List<Token> tokens, int[] positions, int i, Phrase phrase) {
            int drift = 0;
            int at = i;
            for (int k = 1; k < phrase.terms().length; k++) {
                int wanted = positions[i] + phrase.positions()[k];
                int found = -1;
                for (int j = at + 1; j < tokens.size() && positions[j] <= wanted + phrase.slop(); j++) {
                    if (positions[j] >= wanted - phrase.slop() && tokens.get(j).term().equals(phrase.terms()[k])) {
                        found = j;
                        break;
                    }
                }
                if (found < 0) {
                    return -1;
                }
                drift += Math.abs(positions[found] - wanted);
                if (drift > phrase.slop()) {
                    return -1;
                }
                at = found;
            }
            return at;
        }
    }
}
