package org.clearinghouse.web.view;

import java.util.List;

/** The catalogue in figures: one chart (with its table) per dimension. */
public record ExploreView(PageMeta page, String total, List<Chart> charts) {
}
