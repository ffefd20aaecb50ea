package org.clearinghouse.indexer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The multilingual concepts whose labels link records and queries across languages. */
public final class Thesaurus {
    private final List<Concept> concepts;
    private final String fingerprint;

    public Thesaurus(List<Concept> concepts) {
        this.concepts = List.copyOf(concepts);
        this.fingerprint = digest(this.concepts);
    }

    public static Thesaurus empty() {
        return new Thesaurus(List.of());
    }

    public List<Concept> concepts() {
        return concepts;
    }

    /** Changes whenever a label changes, so that an index built with other labels is rebuilt. */
    String fingerprint() {
        return fingerprint;
    }

    private static String digest(List<Concept> concepts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            concepts.stream().sorted(Comparator.comparing(Concept::id)).forEach(c -> {
                update(sha, c.id());
                c.labels().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                    update(sha, e.getKey());
                    e.getValue().forEach(label -> update(sha, label));
                });
            });
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }
}
