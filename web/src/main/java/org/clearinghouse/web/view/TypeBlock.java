package org.clearinghouse.web.view;

import java.util.List;

/** One type of record on a country profile: the country's count, its region's, and the records themselves. */
public record TypeBlock(String code, String label, long count, long regionCount, String searchHref,
                        List<ResourceCard> records) {
}
