package org.clearinghouse.server;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.clearinghouse.server.config.AppConfig;
import org.clearinghouse.server.config.ConfigException;

/** Command line: {@code serve} (default) starts the clearinghouse and runs until SIGTERM or Ctrl-C. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> serve();
            case "help", "--help", "-h" -> usage(0);
            default -> {
                System.err.println("unknown command: " + command + " " + Arrays.toString(args));
                usage(2);
            }
        }
    }

    private static void serve() throws InterruptedException {
        AppConfig config;
        try {
            config = AppConfig.fromEnv(System.getenv());
        } catch (ConfigException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Application application = Application.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            application.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }

    private static void usage(int status) {
        System.out.println("""
                usage: clearinghouse <command>
                  serve    start the clearinghouse (PORT, CLEARINGHOUSE_DATA_DIR, DATABASE_URL, ... see README.md)
                """);
        System.exit(status);
    }
}
