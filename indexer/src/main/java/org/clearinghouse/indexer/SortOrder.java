package org.clearinghouse.indexer;

/** Result orders; every order ends with the record id so that cursors are unambiguous. */
public enum SortOrder {
    RELEVANCE,
    NEWEST,
    OLDEST,
    TITLE
}
