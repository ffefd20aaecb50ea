package org.clearinghouse.web.view;

import java.util.List;

/** A country's profile: its records by type, its region, and what it lacks that its region has. */
public record CountryView(PageMeta page, String code, String name, String regionLabel, String regionHref, long total,
                          List<TypeBlock> types, List<Gap> gaps, String searchHref, String feedHref, String mapSvg) {
}
