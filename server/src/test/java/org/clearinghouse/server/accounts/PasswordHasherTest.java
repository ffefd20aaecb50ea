package org.clearinghouse.server.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesAreArgon2idPhcStringsWithTheStatedParametersAndARandomSalt() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertEquals(PasswordHasher.PREFIX, hash.substring(0, PasswordHasher.PREFIX.length()));
        String[] parts = hash.split("\\$");
        assertEquals(6, parts.length, hash);
        assertEquals(22, parts[4].length(), "16 salt bytes, unpadded base64: " + hash);
        assertEquals(43, parts[5].length(), "32 hash bytes, unpadded base64: " + hash);
        assertNotEquals(hash, hasher.hash("correct horse battery staple"), "a fresh salt each time");
        assertFalse(hasher.needsRehash(hash));
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("correct horse battery stapler", hash));
        assertFalse(hasher.verify("", hash));
        assertFalse(hasher.verify(null, hash));
        assertFalse(hasher.verify("correct horse battery staple", "!no-password"));
        assertFalse(hasher.verify("correct horse battery staple", "$argon2id$v=19$m=19456,t=2,p=1$broken"));
    }

    @Test
    void hashesMadeWithOtherParametersStillVerifyAndAskToBeRedone() {
        String older = com.password4j.Password.hash("correct horse battery staple").addRandomSalt(16)
                .with(com.password4j.Argon2Function.getInstance(8192, 1, 1, 32, com.password4j.types.Argon2.ID, 19)).getResult();
        assertTrue(older.startsWith("$argon2id$v=19$m=8192,t=1,p=1$"), older);
        assertTrue(hasher.verify("correct horse battery staple", older));
        assertTrue(hasher.needsRehash(older));
    }

    @Test
    void thePolicyAsksForTwelveCharactersThatAreNotTheUsername() {
        assertEquals(Optional.of("must be at least 12 characters"), PasswordPolicy.problem("short-pass1", "amina"));
        assertEquals(Optional.of("must not be the username"), PasswordPolicy.problem("Amina.Wanjiru", "amina.wanjiru"));
        assertEquals(Optional.of("a password is required"), PasswordPolicy.problem(null, "amina"));
        assertEquals(Optional.of("must be at most 1000 characters"), PasswordPolicy.problem("x".repeat(1001), "amina"));
        assertEquals(Optional.empty(), PasswordPolicy.problem("twelve chars", "amina"));
    }
}
