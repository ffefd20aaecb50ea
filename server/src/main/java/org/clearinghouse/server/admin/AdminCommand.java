package org.clearinghouse.server.admin;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clearinghouse.server.Application;
import org.clearinghouse.server.Json;
import org.clearinghouse.server.accounts.Account;
import org.clearinghouse.server.accounts.AccountAdmin;
import org.clearinghouse.server.accounts.Organisation;
import org.clearinghouse.server.accounts.PasswordHasher;
import org.clearinghouse.server.audit.Actor;
import org.clearinghouse.server.audit.RequestContext;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.catalogue.FieldError;
import org.clearinghouse.server.catalogue.NotFoundException;
import org.clearinghouse.server.catalogue.ValidationException;
import org.clearinghouse.server.config.AppConfig;
import org.clearinghouse.server.db.Database;
import org.clearinghouse.server.persistence.AccountRepository;
import org.clearinghouse.server.persistence.AuditRepository;
import org.clearinghouse.server.vocabulary.Vocabularies;

/**
 * {@code admin create-organisation} and {@code admin create-account}: make the first admin and organisations from
 * the command line, on the configured database (embedded under the data directory, or {@code DATABASE_URL}).
 * The password comes from {@value #PASSWORD_VARIABLE} or standard input (a hidden prompt on a terminal), never
 * from an argument that {@code ps} would show. Each write is audited with the actor {@code command}.
 * Exit status: 0 done, 1 refused (invalid, duplicate, unknown organisation), 2 usage.
 */
public final class AdminCommand {
    public static final String PASSWORD_VARIABLE = "CLEARINGHOUSE_ADMIN_PASSWORD";
    static final String USAGE = """
            usage: clearinghouse admin create-organisation --name NAME --kind KIND [--country CODE] [--region REGION]
                   clearinghouse admin create-account --organisation NAME|ID --username USERNAME --display-name NAME
                                                      --role admin|moderator|contributor [--email ADDRESS]
              KIND: ministry, national_contact_point, international_organisation, university, ngo, company
              CODE: ISO 3166-1 alpha-2 (KE) or a body of the vocabularies (AFRICAN_UNION); REGION: a UNESCO region code
              the new account's password: $CLEARINGHOUSE_ADMIN_PASSWORD, or the first line of standard input
            """;

    private AdminCommand() {
    }

    public static int run(AppConfig config, List<String> args, Map<String, String> env, InputStream stdin,
                          PrintStream out, PrintStream err) {
        if (args.isEmpty() || !Set.of("create-organisation", "create-account").contains(args.get(0))) {
            err.print(USAGE);
            return 2;
        }
        boolean organisation = args.get(0).equals("create-organisation");
        Map<String, String> options;
        try {
            options = options(args.subList(1, args.size()), organisation
                    ? Set.of("name", "kind", "country", "region")
                    : Set.of("organisation", "username", "display-name", "role", "email"));
            for (String required : organisation ? List.of("name", "kind") : List.of("organisation", "username", "display-name", "role")) {
                if (!options.containsKey(required)) {
                    throw new IllegalArgumentException("--" + required + " is required");
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            Database database = Application.openDatabase(config, owned);
            AccountAdmin admin = new AccountAdmin(new AccountRepository(database.dsl(), new AuditRepository(database.dsl(), Json.mapper())),
                    new PasswordHasher(), Vocabularies.load(Json.mapper()));
            RequestContext request = RequestContext.command("admin " + args.get(0));
            if (organisation) {
                Organisation created = admin.createOrganisation(options.get("name"), options.get("kind"),
                        options.get("country"), options.get("region"), Actor.COMMAND, request);
                out.println("created organisation " + created.id() + " '" + created.name() + "' (" + created.kind()
                        + created.country().map(c -> ", " + c).orElse("") + created.region().map(r -> ", " + r).orElse("") + ")");
            } else {
                Organisation of = admin.organisation(options.get("organisation"));
                String password = password(env, stdin, err);
                Account created = admin.createAccount(of.id(), options.get("username"), options.get("display-name"),
                        options.get("email"), options.get("role"), password, Actor.COMMAND, request);
                out.println("created account " + created.id() + " '" + created.username() + "' (" + created.role().code()
                        + ") in organisation '" + of.name() + "'");
            }
            return 0;
        } catch (ValidationException e) {
            for (FieldError error : e.errors()) {
                err.println("error: " + option(error.field()) + " " + error.message());
            }
            return 1;
        } catch (ConflictException | NotFoundException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } finally {
            Application.closeAll(owned);
        }
    }

    private static String option(String field) {
        return switch (field) {
            case "organisation_id" -> "--organisation";
            case "password" -> "the password";
            default -> "--" + field.replace('_', '-');
        };
    }

    private static Map<String, String> options(List<String> args, Set<String> known) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (options.put(name, value) != null) {
                throw new IllegalArgumentException("--" + name + " is given twice");
            }
        }
        return options;
    }

    private static String password(Map<String, String> env, InputStream stdin, PrintStream err) {
        String fromEnv = env.get(PASSWORD_VARIABLE);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        Console console = System.console();
        if (console != null && stdin == System.in) {
            char[] typed = console.readPassword("password for the new account: ");
            return typed == null ? null : new String(typed);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return line == null ? null : line.replaceAll("\r$", "");
        } catch (IOException e) {
            err.println("error: could not read the password from standard input");
            return null;
        }
    }
}
