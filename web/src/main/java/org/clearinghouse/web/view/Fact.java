package org.clearinghouse.web.view;

import java.util.List;

/** One labelled field of a record; a value with an href is a link. */
public record Fact(String label, List<Link> values) {
}
