package org.clearinghouse.indexer;

import java.util.ArrayList;
import java.util.List;
import org.clearinghouse.indexer.UserQuery.Atom;
import org.clearinghouse.indexer.UserQuery.Group;
import org.clearinghouse.indexer.UserQuery.Kind;

/**
 * Reads the public query syntax: words, "quoted phrases", -exclusions, OR between alternatives and a
 * trailing * for prefixes. Everything else is text for the analyzers, so no input can form an operator
 * the index does not expect. Unbalanced quotes close at the end; operators without operands are ignored.
 */
final class UserQueryParser {
    static final int MAX_LENGTH = 1000;
    static final int MAX_ATOMS = 24;
    static final int MAX_PREFIXES = 4;
    /** Shorter prefixes would expand to a large share of the vocabulary. */
    static final int MIN_PREFIX_LENGTH = 2;

    private UserQueryParser() {
    }

    static UserQuery parse(String raw) {
        if (raw.length() > MAX_LENGTH) {
            throw new InvalidQueryException("query is too long: " + raw.length() + " characters, at most " + MAX_LENGTH);
        }
        String text = sanitize(raw);
        List<Group> groups = new ArrayList<>();
        int atoms = 0;
        int prefixes = 0;
        boolean orPending = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean excluded = false;
            while (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                excluded |= text.charAt(i) == '-';
                i++;
            }
            if (i >= n || Character.isWhitespace(text.charAt(i))) {
                continue;
            }
            Atom atom;
            if (text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                int end = close < 0 ? n : close;
                atom = new Atom(Kind.PHRASE, text.substring(i + 1, end), i + 1, end);
                i = close < 0 ? n : close + 1;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '"') {
                    i++;
                }
                String word = text.substring(start, i);
                if (!excluded && word.equals("OR")) {
                    orPending = !groups.isEmpty() && !groups.get(groups.size() - 1).excluded();
                    continue;
                }
                atom = word(word, start, i);
            }
            if (atom.text().isBlank()) {
                orPending = false;
                continue;
            }
            if (++atoms > MAX_ATOMS) {
                throw new InvalidQueryException("query has too many terms: at most " + MAX_ATOMS);
            }
            if (atom.kind() == Kind.PREFIX && ++prefixes > MAX_PREFIXES) {
                throw new InvalidQueryException("query has too many prefix terms (ending in *): at most " + MAX_PREFIXES);
            }
            if (orPending && !excluded) {
                Group last = groups.remove(groups.size() - 1);
                List<Atom> alternatives = new ArrayList<>(last.atoms());
                alternatives.add(atom);
                groups.add(new Group(List.copyOf(alternatives), false));
            } else {
                groups.add(new Group(List.of(atom), excluded));
            }
            orPending = false;
        }
        return new UserQuery(text, List.copyOf(groups));
    }

    private static Atom word(String word, int start, int end) {
        int stripped = word.length();
        while (stripped > 0 && word.charAt(stripped - 1) == '*') {
            stripped--;
        }
        String stem = word.substring(0, stripped);
        if (stripped < word.length() && stem.codePointCount(0, stem.length()) >= MIN_PREFIX_LENGTH
                && stem.codePoints().anyMatch(Character::isLetterOrDigit)) {
            return new Atom(Kind.PREFIX, stem, start, start + stripped);
        }
        return new Atom(Kind.WORD, stem, start, start + stripped);
    }

    /** Control characters and lone surrogates become spaces; offsets stay those of the input. */
    static String sanitize(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                out.append(c).append(raw.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
