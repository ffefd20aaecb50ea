package org.clearinghouse.indexer;

import java.util.List;
import java.util.Set;

/**
 * One wanted part of a planned query: alternatives of which a record should match at least one.
 * Consecutive words that form a thesaurus label become a single unit, so the label counts once.
 */
record Unit(List<Alternative> alternatives) {
    enum Kind { TEXT, PREFIX }

    /**
     * @param slop       how far apart the words of a multi-word text may be
     * @param conceptIds concepts whose label this text is
     */
    record Alternative(Kind kind, String text, int slop, Set<String> conceptIds) {
    }
}
