package org.clearinghouse.indexer;

/** A result with the score the index gave it (only comparable within one query). */
public record ScoredHit(Hit hit, float score) {
}
