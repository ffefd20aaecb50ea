package org.clearinghouse.server.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The baseline: PostgreSQL full-text search over the same published records. The bench keeps its own table
 * ({@value #TABLE}, created and dropped by the bench, never a migration) holding each record's facet columns and a
 * {@code tsvector} (title weight A and summary weight B in the record's language configuration, translations C
 * and keywords and publisher D in {@code simple}), with a GIN index. A query ranks with {@code ts_rank}, takes the
 * top 20 and counts every facet dimension with {@code GROUP BY}, multi-select like the index: a dimension's counts
 * ignore that dimension's own filter. One statement per query.
 */
final class PostgresFullText {
    static final String TABLE = "bench_fts";
    /** Facet dimensions in the order of the search API, with the column each is counted on. */
    private static final Map<String, String> COLUMNS = columns();
    /** Dimensions a record can have several values of: text[] columns, matched with {@code &&}, counted with {@code unnest}. */
    private static final Set<String> ARRAY_DIMENSIONS = Set.of("country", "region", "language", "theme", "level", "audience");
    private static final Map<String, String> LANGUAGE_CONFIGS = Map.of("en", "english", "fr", "french", "es", "spanish",
            "ru", "russian", "pt", "portuguese", "ar", "arabic", "de", "german", "it", "italian", "hi", "hindi");

    private final DataSource dataSource;
    private Set<String> configs = Set.of("simple");

    PostgresFullText(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** (Re)creates the table from the published records and indexes it; returns how many rows it holds. */
    long build(Set<String> openLicenses) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Set<String> available = new HashSet<>();
            try (ResultSet rs = s.executeQuery("select cfgname from pg_ts_config")) {
                while (rs.next()) {
                    available.add(rs.getString(1));
                }
            }
            configs = Set.copyOf(available);
            s.execute("drop table if exists " + TABLE);
            s.execute("create table " + TABLE + " (id uuid primary key, type text not null, countries text[] not null,"
                    + " regions text[] not null, languages text[] not null, themes text[] not null, levels text[] not null,"
                    + " audiences text[] not null, license text not null, year int, open boolean not null, tsv tsvector not null)");
            StringBuilder config = new StringBuilder("(case r.original_language");
            LANGUAGE_CONFIGS.forEach((language, name) -> {
                if (available.contains(name)) {
                    config.append(" when '").append(language).append("' then '").append(name).append('\'');
                }
            });
            config.append(" else 'simple' end)::regconfig");
            try (PreparedStatement insert = c.prepareStatement("insert into " + TABLE
                    + " select r.id, r.type, r.jurisdictions, r.regions, r.languages, r.themes, r.levels, r.audiences, r.license,"
                    + " r.published_year, (r.license = any(?) or coalesce(r.details->>'open_source', '') = 'true'"
                    + " or (r.type = 'course' and coalesce(r.details->>'cost', '') = 'free')),"
                    + " setweight(to_tsvector(" + config + ", r.title), 'A')"
                    + " || setweight(to_tsvector(" + config + ", r.summary), 'B')"
                    + " || setweight(to_tsvector('simple', coalesce((select string_agg(coalesce(t.value->>'title', '') || ' '"
                    + " || coalesce(t.value->>'summary', ''), ' ') from jsonb_each(r.translations) t), '')), 'C')"
                    + " || setweight(to_tsvector('simple', array_to_string(r.keywords, ' ') || ' ' || r.publisher), 'D')"
                    + " from resource r where r.status = 'published'")) {
                insert.setArray(1, c.createArrayOf("text", openLicenses.toArray()));
                insert.executeUpdate();
            }
            s.execute("create index " + TABLE + "_tsv_idx on " + TABLE + " using gin (tsv)");
            s.execute("analyze " + TABLE);
            try (ResultSet rs = s.executeQuery("select count(*) from " + TABLE)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void drop() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + TABLE);
        }
    }

    /** What one query found: the total, the top 20 ids by rank, and the counts of every facet dimension. */
    record Result(long total, List<String> ids, Map<String, Map<String, Long>> facets) {
    }

    Result search(BenchQuery query) throws SQLException {
        List<Binder> binders = new ArrayList<>();
        boolean text = !query.q().isBlank();
        Map<String, String> conditions = new LinkedHashMap<>();
        for (String dimension : BenchQuery.DIMENSIONS) {
            List<String> values = query.values(dimension);
            if (!values.isEmpty()) {
                String column = COLUMNS.get(dimension);
                conditions.put(dimension, ARRAY_DIMENSIONS.contains(dimension) ? "f." + column + " && ?" : "f." + column + " = any(?)");
            }
        }
        if (query.yearFrom() != null || query.yearTo() != null) {
            conditions.put("year", "coalesce(" + (query.yearFrom() == null ? "true" : "f.year >= " + query.yearFrom())
                    + " and " + (query.yearTo() == null ? "true" : "f.year <= " + query.yearTo()) + ", false)");
        }
        StringBuilder sql = new StringBuilder();
        if (text) {
            String config = LANGUAGE_CONFIGS.getOrDefault(query.lang() == null ? "en" : query.lang(), "simple");
            String chosen = configs.contains(config) ? config : "simple";
            sql.append("with q as (select ").append(tsquery(query.q(), chosen, binders)).append(" as query), ");
        } else {
            sql.append("with ");
        }
        sql.append("m as materialized (select f.id, f.type, f.countries, f.regions, f.languages, f.themes, f.levels, f.audiences,"
                + " f.license, f.year, ");
        sql.append(text ? "ts_rank(f.tsv, q.query)" : "coalesce(f.year, -2147483648)").append(" as rank");
        List<String> flags = new ArrayList<>();
        for (Map.Entry<String, String> condition : conditions.entrySet()) {
            String flag = "p_" + condition.getKey();
            flags.add(flag);
            sql.append(", (").append(condition.getValue()).append(") as ").append(flag);
            String dimension = condition.getKey();
            if (!dimension.equals("year")) {
                binders.add((ps, i) -> ps.setArray(i, ps.getConnection().createArrayOf("text", query.values(dimension).toArray())));
            }
        }
        sql.append(" from ").append(TABLE).append(" f").append(text ? ", q where f.tsv @@ q.query" : " where true");
        if (flags.size() > 1) {
            // Only rows that fail at most one filter can count anywhere: the others are left out early.
            StringBuilder failing = new StringBuilder();
            for (Map.Entry<String, String> condition : conditions.entrySet()) {
                failing.append(failing.length() == 0 ? "" : " + ").append("(case when ").append(condition.getValue())
                        .append(" then 0 else 1 end)");
                String dimension = condition.getKey();
                if (!dimension.equals("year")) {
                    binders.add((ps, i) -> ps.setArray(i, ps.getConnection().createArrayOf("text", query.values(dimension).toArray())));
                }
            }
            sql.append(" and ").append(failing).append(" <= 1");
        }
        sql.append(") ");
        String all = flags.isEmpty() ? "true" : String.join(" and ", flags);
        sql.append("(select 'hit' as dim, id::text as value, rank::float8 as n from m where ").append(all)
                .append(" order by rank desc, id limit 20)");
        sql.append(" union all (select 'total', null, count(*) from m where ").append(all).append(")");
        for (Map.Entry<String, String> dimension : COLUMNS.entrySet()) {
            String where = flags.stream().filter(f -> !f.equals("p_" + dimension.getKey())).reduce((a, b) -> a + " and " + b).orElse("true");
            String column = dimension.getValue();
            if (ARRAY_DIMENSIONS.contains(dimension.getKey())) {
                sql.append(" union all (select '").append(dimension.getKey()).append("', v, count(*) from m cross join unnest(m.")
                        .append(column).append(") v where ").append(where).append(" group by v)");
            } else if (column.equals("year")) {
                sql.append(" union all (select 'year', year::text, count(*) from m where ").append(where)
                        .append(" and year is not null group by year)");
            } else {
                sql.append(" union all (select '").append(dimension.getKey()).append("', ").append(column)
                        .append(", count(*) from m where ").append(where).append(" group by ").append(column).append(")");
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < binders.size(); i++) {
                binders.get(i).bind(ps, i + 1);
            }
            long total = 0;
            List<Object[]> hits = new ArrayList<>();
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            COLUMNS.keySet().forEach(d -> facets.put(d, new TreeMap<>()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String dim = rs.getString(1);
                    switch (dim) {
                        case "hit" -> hits.add(new Object[] {rs.getString(2), rs.getDouble(3)});
                        case "total" -> total = (long) rs.getDouble(3);
                        default -> facets.get(dim).put(rs.getString(2), (long) rs.getDouble(3));
                    }
                }
            }
            hits.sort(Comparator.<Object[]>comparingDouble(h -> -(double) h[1]).thenComparing(h -> (String) h[0]));
            return new Result(total, hits.stream().map(h -> (String) h[0]).toList(), facets);
        }
    }

    /**
     * The tsquery of the user's text, with the engine's semantics: quoted phrases and single words as
     * {@code websearch_to_tsquery} reads them; several plain words need all of them when there are one or two,
     * all but one of three or four, and 60 % of more (the engine's minimum-should-match), which a tsquery says
     * as an OR of the ANDs of every big-enough subset. Each word is looked up in the language's configuration
     * and in {@code simple} (which holds the translations).
     */
    static String tsquery(String q, String config, List<Binder> binders) {
        List<String> words = List.of(q.strip().split("\\s+"));
        boolean plain = words.size() >= 3 && words.size() <= 6
                && words.stream().allMatch(w -> w.matches("[\\p{L}\\p{M}\\p{N}]+") && !w.equals("OR"));
        if (!plain) {
            binders.add((ps, i) -> ps.setString(i, config));
            binders.add((ps, i) -> ps.setString(i, q));
            binders.add((ps, i) -> ps.setString(i, q));
            return "(websearch_to_tsquery(?::regconfig, ?) || websearch_to_tsquery('simple', ?))";
        }
        int n = words.size();
        int needed = n <= 2 ? n : n <= 4 ? n - 1 : (int) Math.ceil(n * 0.6);
        List<String> alternatives = new ArrayList<>();
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) != needed) {
                continue;
            }
            List<String> all = new ArrayList<>();
            for (int w = 0; w < n; w++) {
                if ((mask & 1 << w) != 0) {
                    String word = words.get(w);
                    binders.add((ps, i) -> ps.setString(i, config));
                    binders.add((ps, i) -> ps.setString(i, word));
                    binders.add((ps, i) -> ps.setString(i, word));
                    all.add("(plainto_tsquery(?::regconfig, ?) || plainto_tsquery('simple', ?))");
                }
            }
            alternatives.add("(" + String.join(" && ", all) + ")");
        }
        return "(" + String.join(" || ", alternatives) + ")";
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("type", "type");
        columns.put("country", "countries");
        columns.put("region", "regions");
        columns.put("language", "languages");
        columns.put("theme", "themes");
        columns.put("level", "levels");
        columns.put("audience", "audiences");
        columns.put("license", "license");
        columns.put("year", "year");
        return java.util.Collections.unmodifiableMap(columns);
    }

}
