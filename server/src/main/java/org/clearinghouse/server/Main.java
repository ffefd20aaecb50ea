package org.clearinghouse.server;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.clearinghouse.server.config.AppConfig;
import org.clearinghouse.server.config.ConfigException;
import org.clearinghouse.server.exchange.ExchangeCommands;

/** Command line: {@code serve} (default) starts the clearinghouse and runs until SIGTERM or Ctrl-C. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> serve();
            case "dump" -> runCommand(config -> ExchangeCommands.dump(config, rest(args)));
            case "import" -> runCommand(config -> ExchangeCommands.importFile(config, rest(args)));
            case "admin" -> adminCommand(rest(args));
            case "bench" -> System.exit(org.clearinghouse.server.bench.BenchCommand.run(Arrays.copyOfRange(args, 1, args.length)));
            case "help", "--help", "-h" -> usage(0);
            default -> {
                System.err.println("unknown command: " + command + " " + Arrays.toString(args));
                usage(2);
            }
        }
    }

    private static void serve() throws InterruptedException {
        AppConfig config = configOrExit();
        Application application = Application.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            application.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }

    private static void adminCommand(java.util.List<String> args) {
        AppConfig config = configOrExit();
        System.exit(org.clearinghouse.server.admin.AdminCommand.run(config, args, System.getenv(), System.in, System.out, System.err));
    }

    /** The configuration from the environment; a bad value ends the process with status 2 and says which. */
    private static AppConfig configOrExit() {
        try {
            return AppConfig.fromEnv(System.getenv());
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            throw e;
        }
    }

    private static java.util.List<String> rest(String[] args) {
        return java.util.List.of(args).subList(1, args.length);
    }

    /** A one-shot command: configuration or argument mistakes are reported plainly, exit status 2. */
    private static void runCommand(java.util.function.Consumer<AppConfig> command) {
        try {
            command.accept(AppConfig.fromEnv(System.getenv()));
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void usage(int status) {
        System.out.println("""
                usage: clearinghouse <command>
                  serve    start the clearinghouse (PORT, CLEARINGHOUSE_DATA_DIR, DATABASE_URL, ... see README.md)
                  dump     [--format csv|jsonl] [--out FILE]   write the whole published catalogue
                  import   FILE [--format csv|jsonl]           load records (matched by id, then by URL)
                  admin    create-organisation --name N --kind K [--country C] [--region R]
                           create-account --organisation N|ID --username U --display-name D --role R [--email E]
                           (password from CLEARINGHOUSE_ADMIN_PASSWORD or standard input)
                  bench    [--records N] [--queries M] [--data-dir DIR] [--keep]   the search benchmark (bench --help)
                """);
        System.exit(status);
    }
}
