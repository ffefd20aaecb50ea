package org.clearinghouse.web.view;

import java.util.List;

/** The home page: counts per type, the coverage map (or its table until the map exists), the newest records. */
public record HomeView(PageMeta page, String total, List<Bar> types, List<Bar> regions, List<ResourceCard> newest,
                       String mapSvg) {
}
