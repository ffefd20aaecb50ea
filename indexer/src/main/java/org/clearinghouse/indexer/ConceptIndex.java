package org.clearinghouse.indexer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Thesaurus labels as token tries: one per label language (labels analysed like text in that language, so
 * "teachers" meets "teacher") and one neutral trie holding every label folded (so an English term inside a
 * French text, or a query in a language without its own analyzer, still meets its concept).
 */
final class ConceptIndex {
    /** A label found in a token sequence: tokens [start, end) and the concepts the label belongs to. */
    record Match(int start, int end, Set<String> conceptIds) {
    }

    private static final class Node {
        final Map<String, Node> next = new HashMap<>(4);
        Set<String> ids;
        /** The same ids as an array: counting runs for every token of every indexed text. */
        String[] idArray;
    }

    private final Analyzers analyzers;
    private final Map<String, Node> byLanguage = new HashMap<>();
    private final Node neutral = new Node();
    private final Map<String, Concept> concepts = new HashMap<>();

    ConceptIndex(Thesaurus thesaurus, Analyzers analyzers) {
        this.analyzers = analyzers;
        for (Concept concept : thesaurus.concepts()) {
            concepts.put(concept.id(), concept);
            concept.labels().forEach((rawLang, labels) -> {
                String lang = Languages.normalize(rawLang);
                for (String label : labels) {
                    if (lang != null) {
                        insert(byLanguage.computeIfAbsent(lang, l -> new Node()), languageTerms(lang, label), concept.id());
                    }
                    insert(neutral, neutralTerms(label), concept.id());
                }
            });
        }
    }

    boolean isEmpty() {
        return concepts.isEmpty();
    }

    /** Labels of a concept in one language (empty if it has none there). */
    List<String> labels(String conceptId, String lang) {
        Concept concept = concepts.get(conceptId);
        if (concept == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        concept.labels().forEach((l, labels) -> {
            if (lang.equals(Languages.normalize(l))) {
                out.addAll(labels);
            }
        });
        return out;
    }

    List<String> languageTerms(String lang, String text) {
        return Analyzers.terms(analyzers.forLanguage(lang), Schema.title(lang), text);
    }

    List<String> neutralTerms(String text) {
        return Analyzers.terms(analyzers.neutral(), Schema.TITLE_NEUTRAL, text);
    }

    /** Occurrences of each concept in a text of the given language, counting a place once even if both tries hit it. */
    Map<String, Integer> occurrences(String lang, String text) {
        return occurrences(lang, languageTerms(lang, text), neutralTerms(text));
    }

    /** The same for a text already analysed for its language and folded. */
    Map<String, Integer> occurrences(String lang, List<String> languageTerms, List<String> neutralTerms) {
        Map<String, Integer> inLanguage = count(byLanguage.get(lang), languageTerms);
        Map<String, Integer> folded = count(neutral, neutralTerms);
        Map<String, Integer> out = new TreeMap<>(inLanguage);
        folded.forEach((id, n) -> out.merge(id, n, Math::max));
        return out;
    }

    /** Labels in the query language: the longest at each position, except those inside an earlier one. */
    List<Match> labelsInLanguage(String lang, List<String> terms) {
        return longest(byLanguage.get(lang), terms);
    }

    /** The same on folded tokens, for labels of any language. */
    List<Match> labelsNeutral(List<String> terms) {
        return longest(neutral, terms);
    }

    private static void insert(Node root, List<String> terms, String id) {
        if (terms.isEmpty()) {
            return;
        }
        Node node = root;
        for (String term : terms) {
            node = node.next.computeIfAbsent(term, t -> new Node());
        }
        if (node.ids == null) {
            node.ids = new LinkedHashSet<>();
        }
        node.ids.add(id);
        node.idArray = node.ids.toArray(String[]::new);
    }

    private static Map<String, Integer> count(Node root, List<String> terms) {
        Map<String, Integer> counts = new HashMap<>();
        if (root == null) {
            return counts;
        }
        for (int i = 0; i < terms.size(); i++) {
            Node node = root;
            for (int j = i; j < terms.size(); j++) {
                node = node.next.get(terms.get(j));
                if (node == null) {
                    break;
                }
                if (node.idArray != null) {
                    for (String id : node.idArray) {
                        counts.merge(id, 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    private static List<Match> longest(Node root, List<String> terms) {
        List<Match> out = new ArrayList<>();
        if (root == null) {
            return out;
        }
        int coveredTo = 0;
        for (int i = 0; i < terms.size(); i++) {
            Node node = root;
            Match best = null;
            for (int j = i; j < terms.size(); j++) {
                node = node.next.get(terms.get(j));
                if (node == null) {
                    break;
                }
                if (node.ids != null) {
                    best = new Match(i, j + 1, java.util.Collections.unmodifiableSet(node.ids));
                }
            }
            if (best != null && best.end() > coveredTo) {
                out.add(best);
                coveredTo = best.end();
            }
        }
        return out;
    }
}
