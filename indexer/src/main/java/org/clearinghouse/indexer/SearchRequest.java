package org.clearinghouse.indexer;

import java.util.List;
import java.util.Objects;

/**
 * A search: query text, filters (OR within a field, AND across fields), order and page.
 *
 * @param q      user syntax: words, "quoted phrases", -exclusions, OR, trailing * for prefixes; blank lists all
 * @param lang   the user's language; null to guess from the script of {@code q}
 * @param sort   null for the default: relevance with a query, newest first without one
 * @param limit  page size, 1 to 100
 * @param cursor {@link SearchResult#nextCursor()} of the previous page, or null for the first page
 */
public record SearchRequest(
        String q,
        String lang,
        List<String> type,
        List<String> country,
        List<String> region,
        List<String> language,
        List<String> theme,
        List<String> level,
        List<String> audience,
        List<String> license,
        Integer yearFrom,
        Integer yearTo,
        Boolean open,
        SortOrder sort,
        int limit,
        String cursor) {

    public static final int MAX_LIMIT = 100;
    static final int MAX_FILTER_VALUES = 50;

    public SearchRequest {
        q = q == null ? "" : q;
        type = values("type", type);
        country = values("country", country);
        region = values("region", region);
        language = values("language", language);
        theme = values("theme", theme);
        level = values("level", level);
        audience = values("audience", audience);
        license = values("license", license);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidSearchRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static List<String> values(String name, List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> clean = values.stream().filter(Objects::nonNull).map(String::trim)
                .filter(v -> !v.isEmpty()).distinct().toList();
        if (clean.size() > MAX_FILTER_VALUES) {
            throw new InvalidSearchRequestException("too many values for " + name + " (at most " + MAX_FILTER_VALUES + ")");
        }
        return clean;
    }

    /** Builds a request field by field; unset filters are empty, the limit defaults to 20. */
    public static final class Builder {
        private String q = "";
        private String lang;
        private List<String> type, country, region, language, theme, level, audience, license;
        private Integer yearFrom, yearTo;
        private Boolean open;
        private SortOrder sort;
        private int limit = 20;
        private String cursor;

        private Builder() {
        }

        public Builder q(String q) { this.q = q; return this; }
        public Builder lang(String lang) { this.lang = lang; return this; }
        public Builder type(List<String> v) { this.type = v; return this; }
        public Builder country(List<String> v) { this.country = v; return this; }
        public Builder region(List<String> v) { this.region = v; return this; }
        public Builder language(List<String> v) { this.language = v; return this; }
        public Builder theme(List<String> v) { this.theme = v; return this; }
        public Builder level(List<String> v) { this.level = v; return this; }
        public Builder audience(List<String> v) { this.audience = v; return this; }
        public Builder license(List<String> v) { this.license = v; return this; }
        public Builder yearFrom(Integer v) { this.yearFrom = v; return this; }
        public Builder yearTo(Integer v) { this.yearTo = v; return this; }
        public Builder open(Boolean v) { this.open = v; return this; }
        public Builder sort(SortOrder v) { this.sort = v; return this; }
        public Builder limit(int v) { this.limit = v; return this; }
        public Builder cursor(String v) { this.cursor = v; return this; }

        public SearchRequest build() {
            return new SearchRequest(q, lang, type, country, region, language, theme, level, audience, license,
                    yearFrom, yearTo, open, sort, limit, cursor);
        }
    }
}
