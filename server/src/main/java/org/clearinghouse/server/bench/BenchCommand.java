package org.clearinghouse.server.bench;

import java.util.Arrays;
import org.clearinghouse.server.config.ConfigException;

/** {@code clearinghouse bench [options]}: parses the options, runs the benchmark, answers an exit status. */
public final class BenchCommand {
    private BenchCommand() {
    }

    public static int run(String... args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(BenchOptions.USAGE);
            return 0;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(BenchOptions.USAGE);
            return 2;
        }
        try {
            Benchmark.run(options, System.getenv(), ("clearinghouse bench " + String.join(" ", args)).strip(), System.out);
            return 0;
        } catch (ConfigException e) {
            System.err.println("bench: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println("bench failed: " + e.getMessage());
            e.printStackTrace(System.err);
            return 1;
        }
    }
}
