package org.clearinghouse.server.bench;

import java.nio.file.Path;

/**
 * What {@code clearinghouse bench} was asked to do.
 *
 * @param records   published records to load (N)
 * @param queries   queries in the mix (M)
 * @param rounds    measured passes over the mix for each way, after one warm-up pass
 * @param publishes records published one at a time to measure publish-to-searchable latency
 * @param dataDir   the bench data directory; null for a fresh one in the system temporary directory
 * @param keep      keep the data directory (and, on DATABASE_URL, the records) afterwards
 * @param seed      seed of the generator and of the query mix
 * @param corpora   the corpora folder ({@code shared/data}); null to look for it beside the project
 * @param postgresBaseline build the PostgreSQL full-text table and run way (c); false ({@code --baseline none}) for a
 *                  capacity run at sizes where the baseline's table and its slow filter-only queries would dominate
 */
public record BenchOptions(long records, int queries, int rounds, int publishes, Path dataDir, boolean keep, long seed,
                           Path corpora, boolean postgresBaseline) {
    public static final long DEFAULT_RECORDS = 100_000;
    public static final int DEFAULT_QUERIES = 200;
    public static final int DEFAULT_ROUNDS = 3;
    public static final int DEFAULT_PUBLISHES = 60;
    /** The Beijing Consensus was adopted on 18 May 2019. */
    public static final long DEFAULT_SEED = 20190518L;

    public static final String USAGE = """
            usage: clearinghouse bench [--records N] [--queries M] [--data-dir DIR] [--keep]
                                       [--rounds R] [--publish K] [--seed S] [--corpora DIR] [--baseline postgres|none]
              --records N    published records to load, built from the corpora in shared/data (default 100000)
              --queries M    queries in the fixed mix (default 200)
              --data-dir DIR a fresh (missing or empty) bench data directory (default: a new temporary directory);
                             never the clearinghouse's own data directory
              --keep         keep the bench data directory afterwards (default: removed)
              --rounds R     measured passes over the mix for each way, after one warm-up pass (default 3)
              --publish K    records published one at a time for publish-to-searchable latency (default 60)
              --seed S       seed of the generated records and of the query mix (default 20190518)
              --corpora DIR  the corpora folder (default: shared/data beside the project, or CLEARINGHOUSE_BENCH_CORPORA)
              --baseline B   postgres (default): also build the PostgreSQL full-text table and run the queries there (c);
                             none: skip it, for a capacity check (e.g. --records 1000000 with JAVA_OPTS=-Xmx1g)
            With DATABASE_URL set, the records go to that database (which must hold no records) instead of an
            embedded PostgreSQL under the bench data directory, and are deleted again unless --keep is given.
            """;

    /** The options of the three-way comparison: with the PostgreSQL baseline. */
    public BenchOptions(long records, int queries, int rounds, int publishes, Path dataDir, boolean keep, long seed, Path corpora) {
        this(records, queries, rounds, publishes, dataDir, keep, seed, corpora, true);
    }

    public BenchOptions {
        if (records < 1) {
            throw new IllegalArgumentException("--records must be at least 1");
        }
        if (queries < 1) {
            throw new IllegalArgumentException("--queries must be at least 1");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        if (publishes < 1) {
            throw new IllegalArgumentException("--publish must be at least 1");
        }
    }

    public static BenchOptions defaults() {
        return new BenchOptions(DEFAULT_RECORDS, DEFAULT_QUERIES, DEFAULT_ROUNDS, DEFAULT_PUBLISHES, null, false, DEFAULT_SEED, null);
    }

    public static BenchOptions parse(String... args) {
        BenchOptions o = defaults();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            }
            if (arg.equals("--keep")) {
                o = new BenchOptions(o.records, o.queries, o.rounds, o.publishes, o.dataDir, true, o.seed, o.corpora, o.postgresBaseline);
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                value = args[++i];
            }
            switch (arg) {
                case "--records" -> o = new BenchOptions(number(arg, value), o.queries, o.rounds, o.publishes, o.dataDir, o.keep, o.seed, o.corpora, o.postgresBaseline);
                case "--queries" -> o = new BenchOptions(o.records, (int) number(arg, value), o.rounds, o.publishes, o.dataDir, o.keep, o.seed, o.corpora, o.postgresBaseline);
                case "--rounds" -> o = new BenchOptions(o.records, o.queries, (int) number(arg, value), o.publishes, o.dataDir, o.keep, o.seed, o.corpora, o.postgresBaseline);
                case "--publish" -> o = new BenchOptions(o.records, o.queries, o.rounds, (int) number(arg, value), o.dataDir, o.keep, o.seed, o.corpora, o.postgresBaseline);
                case "--seed" -> o = new BenchOptions(o.records, o.queries, o.rounds, o.publishes, o.dataDir, o.keep, number(arg, value), o.corpora, o.postgresBaseline);
                case "--data-dir" -> o = new BenchOptions(o.records, o.queries, o.rounds, o.publishes, Path.of(value), o.keep, o.seed, o.corpora, o.postgresBaseline);
                case "--corpora" -> o = new BenchOptions(o.records, o.queries, o.rounds, o.publishes, o.dataDir, o.keep, o.seed, Path.of(value), o.postgresBaseline);
                case "--baseline" -> o = new BenchOptions(o.records, o.queries, o.rounds, o.publishes, o.dataDir, o.keep, o.seed, o.corpora,
                        baseline(value));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return o;
    }

    private static boolean baseline(String value) {
        return switch (value) {
            case "postgres" -> true;
            case "none" -> false;
            default -> throw new IllegalArgumentException("--baseline must be postgres or none, got '" + value + "'");
        };
    }

    private static long number(String option, String value) {
        try {
            long n = Long.parseLong(value.replace("_", "").replace(",", ""));
            if (n > Integer.MAX_VALUE && !option.equals("--seed") && !option.equals("--records")) {
                throw new IllegalArgumentException(option + " is too large: " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'");
        }
    }
}
