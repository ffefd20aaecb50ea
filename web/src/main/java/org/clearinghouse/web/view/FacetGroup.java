package org.clearinghouse.web.view;

import java.util.List;

/** A facet as a fieldset of checkboxes named {@code name}; {@code hidden} values did not fit and are not shown. */
public record FacetGroup(String name, String legend, List<FacetOption> options, int hidden) {
}
