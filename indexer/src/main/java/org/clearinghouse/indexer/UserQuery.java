package org.clearinghouse.indexer;

import java.util.List;

/**
 * A parsed user query: groups of alternatives joined by OR, each group either wanted or excluded.
 * Offsets point into {@link #text()} so that a spelling suggestion can rewrite single words.
 */
record UserQuery(String text, List<Group> groups) {
    enum Kind { WORD, PHRASE, PREFIX }

    record Atom(Kind kind, String text, int start, int end) {
    }

    record Group(List<Atom> atoms, boolean excluded) {
        boolean isSingleWord() {
            return !excluded && atoms.size() == 1 && atoms.get(0).kind() == Kind.WORD;
        }
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }
}
