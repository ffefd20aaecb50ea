package org.clearinghouse.server.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Query parameters as an ordered, immutable multimap, to build the links of a page from the request's own. */
record Query(Map<String, List<String>> params) {

    Query {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            List<String> kept = v.stream().filter(s -> s != null && !s.isBlank()).toList();
            if (!kept.isEmpty()) {
                copy.put(k, kept);
            }
        });
        params = java.util.Collections.unmodifiableMap(copy);
    }

    static Query of(Map<String, List<String>> params) {
        return new Query(params);
    }

    List<String> all(String name) {
        return params.getOrDefault(name, List.of());
    }

    String first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? null : values.get(0);
    }

    Query without(String name) {
        Map<String, List<String>> copy = new LinkedHashMap<>(params);
        copy.remove(name);
        return new Query(copy);
    }

    Query without(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(params);
        List<String> values = new ArrayList<>(all(name));
        values.remove(value);
        copy.put(name, values);
        return new Query(copy);
    }

    Query with(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(params);
        copy.put(name, List.of(value));
        return new Query(copy);
    }

    /** {@code ?a=1&b=2}, or the empty string when there are no parameters. */
    String string() {
        StringJoiner joiner = new StringJoiner("&", "?", "");
        joiner.setEmptyValue("");
        params.forEach((k, values) -> values.forEach(v -> joiner.add(encode(k) + "=" + encode(v))));
        return joiner.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
