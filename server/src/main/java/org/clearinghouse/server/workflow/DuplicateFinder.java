package org.clearinghouse.server.workflow;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.clearinghouse.indexer.IndexService;
import org.clearinghouse.indexer.ScoredHit;
import org.clearinghouse.server.catalogue.ResourceContent;

/**
 * Likely duplicates of a submission among the published records: the search index proposes candidates
 * (MoreLikeThis over titles and summaries in every language), and each is scored 0–1 by the words the two
 * titles and summaries share (Dice coefficient of their distinctive words, title 60 %, summary 40 %), so the
 * score means the same whatever the index's statistics. Only published records are in the index: a submission
 * that resembles another pending one is not flagged here (an identical URL still is, by the 409).
 */
public final class DuplicateFinder {
    /** Below this, two records merely share a subject. */
    public static final double THRESHOLD = 0.5;
    private static final int CANDIDATES = 10;
    private static final int MAX_WARNINGS = 5;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DuplicateFinder.class);

    private final IndexService index;

    public DuplicateFinder(IndexService index) {
        this.index = index;
    }

    /**
     * Published records that look like {@code content}, most alike first; never {@code self}. Warnings are hints:
     * when the index cannot answer (being rebuilt, closing), the submission goes on without them.
     */
    public List<DuplicateWarning> find(ResourceContent content, UUID self) {
        List<ScoredHit> candidates;
        try {
            candidates = index.similarTo(content.title(), content.summary(), CANDIDATES);
        } catch (RuntimeException e) {
            LOG.warn("no duplicate check for '{}': the search index could not answer", content.title(), e);
            return List.of();
        }
        return candidates.stream()
                .filter(c -> self == null || !c.hit().id().equals(self.toString()))
                .map(c -> new DuplicateWarning(UUID.fromString(c.hit().id()), c.hit().slug(), c.hit().title(),
                        score(content.title(), content.summary(), c.hit().title(), c.hit().summary())))
                .filter(w -> w.score() >= THRESHOLD)
                .sorted((a, b) -> Double.compare(b.score(), a.score()))
                .limit(MAX_WARNINGS)
                .toList();
    }

    /** Title and summary likeness, 0–1, rounded to two decimals. */
    static double score(String titleA, String summaryA, String titleB, String summaryB) {
        double score = 0.6 * dice(words(titleA), words(titleB)) + 0.4 * dice(words(summaryA), words(summaryB));
        return Math.round(score * 100) / 100.0;
    }

    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return 2.0 * common.size() / (a.size() + b.size());
    }

    // Case and accents folded; words of one or two letters carry little in any of the catalogue's languages.
    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        if (text == null) {
            return words;
        }
        String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 2 || (!word.isEmpty() && Character.isIdeographic(word.codePointAt(0)))) {
                words.add(word);
            }
        }
        return words;
    }
}
