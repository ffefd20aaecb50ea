package org.clearinghouse.server.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes as PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}), made and
 * checked by Password4j (pure Java, maintained, emits and parses the PHC format itself; Bouncy Castle's Argon2
 * gives raw bytes only, leaving the encoding to hand-written code). The parameters are OWASP's recommended
 * minimum for Argon2id: 19 MiB of memory, 2 passes, 1 lane; a stored hash keeps its own parameters, so they
 * can be raised later and old hashes still verify ({@link #needsRehash} says when to re-hash at sign-in).
 * Passwords are never logged, stored or returned.
 */
public final class PasswordHasher {
    public static final int MEMORY_KIB = 19_456;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    public static final int HASH_BYTES = 32;
    public static final int SALT_BYTES = 16;
    /** What every hash made with the current parameters starts with. */
    public static final String PREFIX = "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$";

    private final Argon2Function argon2 = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES,
            Argon2.ID, Argon2Function.ARGON2_VERSION_13);
    /** Checked against when there is no real hash (unknown username), so the answer takes as long either way. */
    private final String decoy;

    public PasswordHasher() {
        this.decoy = hash("decoy password that no account has");
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult();
    }

    /** Whether the password matches the stored hash; false for anything that is not an Argon2id PHC string. */
    public boolean verify(String password, String storedHash) {
        if (password == null) {
            return false;
        }
        if (storedHash == null || !storedHash.startsWith("$argon2id$")) {
            argon2.check(password, decoy);
            return false;
        }
        try {
            return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Spends the time of one verification, for a sign-in with an unknown username. */
    public void verifyNothing(String password) {
        argon2.check(password == null ? "" : password, decoy);
    }

    public boolean needsRehash(String storedHash) {
        return storedHash == null || !storedHash.startsWith(PREFIX);
    }
}
