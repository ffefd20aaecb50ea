package org.clearinghouse.server.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Field-level differences between two JSON records: objects are walked, lists and scalars compare whole. */
public final class Diffs {
    private Diffs() {
    }

    /** Every path whose value differs, in path order; absent fields are null on their side. */
    public static List<Diff.Change> between(JsonNode before, JsonNode after) {
        List<Diff.Change> changes = new ArrayList<>();
        walk("", before, after, changes);
        return List.copyOf(changes);
    }

    private static void walk(String path, JsonNode before, JsonNode after, List<Diff.Change> changes) {
        boolean beforeMissing = before == null || before.isNull() || before.isMissingNode();
        boolean afterMissing = after == null || after.isNull() || after.isMissingNode();
        if (beforeMissing && afterMissing) {
            return;
        }
        if (!beforeMissing && !afterMissing && before.isObject() && after.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), changes);
            }
            return;
        }
        if (beforeMissing || afterMissing || !before.equals(after)) {
            changes.add(new Diff.Change(path, beforeMissing ? null : before, afterMissing ? null : after));
        }
    }
}
