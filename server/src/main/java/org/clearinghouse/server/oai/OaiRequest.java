package org.clearinghouse.server.oai;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A protocol request whose verb and arguments passed the checks of sections 3.1 and 3.6: a known verb given
 * once, only the arguments that verb takes, each once and non-empty, the required ones present, the exclusive
 * resumptionToken alone, and every value well formed. Anything else is badVerb or badArgument.
 */
record OaiRequest(String verb, Map<String, String> arguments) {
    static final String IDENTIFY = "Identify";
    static final String LIST_METADATA_FORMATS = "ListMetadataFormats";
    static final String LIST_SETS = "ListSets";
    static final String GET_RECORD = "GetRecord";
    static final String LIST_IDENTIFIERS = "ListIdentifiers";
    static final String LIST_RECORDS = "ListRecords";

    static final String IDENTIFIER = "identifier";
    static final String METADATA_PREFIX_ARG = "metadataPrefix";
    static final String FROM = "from";
    static final String UNTIL = "until";
    static final String SET = "set";
    static final String RESUMPTION_TOKEN = "resumptionToken";

    /** The order arguments are echoed in the response's {@code request} element. */
    static final List<String> ARGUMENT_ORDER = List.of(IDENTIFIER, METADATA_PREFIX_ARG, FROM, UNTIL, SET, RESUMPTION_TOKEN);
    static final Pattern METADATA_PREFIX = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+");

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            IDENTIFY, Set.of(),
            LIST_METADATA_FORMATS, Set.of(IDENTIFIER),
            LIST_SETS, Set.of(RESUMPTION_TOKEN),
            GET_RECORD, Set.of(IDENTIFIER, METADATA_PREFIX_ARG),
            LIST_IDENTIFIERS, Set.of(METADATA_PREFIX_ARG, FROM, UNTIL, SET, RESUMPTION_TOKEN),
            LIST_RECORDS, Set.of(METADATA_PREFIX_ARG, FROM, UNTIL, SET, RESUMPTION_TOKEN));

    OaiRequest {
        arguments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
    }

    Optional<String> argument(String name) {
        return Optional.ofNullable(arguments.get(name));
    }

    /** Checks the arguments as they came (each possibly repeated); throws with every problem found. */
    static OaiRequest parse(Map<String, List<String>> raw) {
        List<String> verbs = raw.get("verb");
        if (verbs == null || verbs.isEmpty()) {
            throw new OaiException(OaiError.Code.BAD_VERB, "the verb argument is missing");
        }
        if (verbs.size() > 1) {
            throw new OaiException(OaiError.Code.BAD_VERB, "the verb argument is repeated");
        }
        String verb = verbs.get(0);
        Set<String> allowed = ALLOWED.get(verb);
        if (allowed == null) {
            throw new OaiException(OaiError.Code.BAD_VERB, "'" + verb + "' is not an OAI-PMH verb; the verbs are "
                    + "Identify, ListMetadataFormats, ListSets, GetRecord, ListIdentifiers and ListRecords");
        }
        List<OaiError> problems = new ArrayList<>();
        Map<String, String> arguments = new LinkedHashMap<>();
        raw.forEach((name, values) -> {
            if (name.equals("verb")) {
                return;
            }
            if (!allowed.contains(name)) {
                problems.add(bad("'" + name + "' is not an argument of " + verb));
            } else if (values.size() > 1) {
                problems.add(bad("the " + name + " argument is repeated"));
            } else if (values.isEmpty() || values.get(0).isEmpty()) {
                problems.add(bad("the " + name + " argument is empty"));
            } else {
                arguments.put(name, values.get(0));
            }
        });
        if (arguments.containsKey(RESUMPTION_TOKEN) && raw.keySet().stream().anyMatch(n -> !n.equals("verb") && !n.equals(RESUMPTION_TOKEN))) {
            problems.add(bad("resumptionToken is an exclusive argument: send it with the verb only"));
        }
        boolean resuming = raw.containsKey(RESUMPTION_TOKEN);
        if (verb.equals(GET_RECORD)) {
            requirePresent(raw, IDENTIFIER, verb, problems);
            requirePresent(raw, METADATA_PREFIX_ARG, verb, problems);
        }
        if ((verb.equals(LIST_IDENTIFIERS) || verb.equals(LIST_RECORDS)) && !resuming) {
            requirePresent(raw, METADATA_PREFIX_ARG, verb, problems);
        }
        checkValues(arguments, problems);
        if (!problems.isEmpty()) {
            throw new OaiException(problems);
        }
        return new OaiRequest(verb, arguments);
    }

    private static void checkValues(Map<String, String> arguments, List<OaiError> problems) {
        String prefix = arguments.get(METADATA_PREFIX_ARG);
        if (prefix != null && !METADATA_PREFIX.matcher(prefix).matches()) {
            problems.add(bad("'" + prefix + "' is not a well-formed metadataPrefix"));
        }
        String set = arguments.get(SET);
        if (set != null && !OaiSets.wellFormed(set)) {
            problems.add(bad("'" + set + "' is not a well-formed setSpec"));
        }
        String identifier = arguments.get(IDENTIFIER);
        if (identifier != null && !isUri(identifier)) {
            problems.add(bad("'" + identifier + "' is not a URI, so it cannot be an identifier"));
        }
        Optional<OaiDates.Bound> from = date(arguments, FROM, problems);
        Optional<OaiDates.Bound> until = date(arguments, UNTIL, problems);
        if (from.isPresent() && until.isPresent()) {
            if (from.get().granularity() != until.get().granularity()) {
                problems.add(bad("from and until must have the same granularity"));
            } else if (from.get().start().isAfter(until.get().start())) {
                problems.add(bad("from is later than until"));
            }
        }
    }

    private static Optional<OaiDates.Bound> date(Map<String, String> arguments, String name, List<OaiError> problems) {
        String value = arguments.get(name);
        if (value == null) {
            return Optional.empty();
        }
        Optional<OaiDates.Bound> bound = OaiDates.parse(value);
        if (bound.isEmpty()) {
            problems.add(bad("the " + name + " argument '" + value
                    + "' is not a UTC date (YYYY-MM-DD) or datetime (YYYY-MM-DDThh:mm:ssZ)"));
        }
        return bound;
    }

    private static void requirePresent(Map<String, List<String>> raw, String name, String verb, List<OaiError> problems) {
        if (!raw.containsKey(name)) {
            problems.add(bad(verb + " requires the " + name + " argument"));
        }
    }

    private static boolean isUri(String value) {
        try {
            new URI(value);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static OaiError bad(String message) {
        return new OaiError(OaiError.Code.BAD_ARGUMENT, message);
    }
}
