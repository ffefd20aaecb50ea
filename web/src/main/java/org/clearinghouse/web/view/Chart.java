package org.clearinghouse.web.view;

import java.util.List;

/**
 * A series to show as a chart: {@code id} anchors it, {@code svg} is a rendered picture when there is one (else
 * the table is the picture), and the table of {@code bars} is always there as its text alternative.
 */
public record Chart(String id, String title, String caption, List<Bar> bars, long max, String svg) {
}
