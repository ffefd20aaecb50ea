package org.clearinghouse.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.clearinghouse.server.accounts.ApiTokens;
import org.clearinghouse.server.accounts.IssuedToken;
import org.clearinghouse.server.accounts.Organisation;
import org.clearinghouse.server.auth.Principal;
import org.clearinghouse.server.auth.Role;
import org.clearinghouse.server.catalogue.ConflictException;
import org.clearinghouse.server.support.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountRepositoryTest {
    @RegisterExtension
    static final TestPostgres POSTGRES = new TestPostgres();

    private AccountRepository accounts;
    private TokenRepository tokenRows;
    private ApiTokens tokens;

    @BeforeEach
    void setUp() {
        POSTGRES.truncate();
        accounts = new AccountRepository(POSTGRES.database().dsl());
        tokenRows = new TokenRepository(POSTGRES.database().dsl());
        tokens = new ApiTokens(tokenRows, Clock.systemUTC());
    }

    @Test
    void aTokenAuthenticatesItsOwnerUntilRevoked() {
        Organisation ncp = accounts.createOrganisation("Kenya national contact point", "national_contact_point", "KE", null);
        long id = accounts.createAccount(ncp.id(), "wanjiru", "Wanjiru K.", null, Role.CONTRIBUTOR, "hash").id();
        IssuedToken issued = tokens.issue(id, "script", Optional.empty());

        assertTrue(issued.secret().startsWith("ch_"));
        assertEquals(issued.secret().substring(0, 10), issued.token().prefix());
        Principal principal = tokens.authenticate(issued.secret()).orElseThrow();
        assertEquals(new Principal(id, "wanjiru", "Wanjiru K.", Role.CONTRIBUTOR, ncp.id(), "national_contact_point",
                Optional.of("KE")), principal);
        assertTrue(principal.isNationalContactPointFor("KE"));
        assertTrue(tokenRows.ofAccount(id).get(0).lastUsedAt().isPresent());

        assertEquals(Optional.empty(), tokens.authenticate(issued.secret() + "x"));
        assertTrue(tokenRows.revoke(id, issued.token().id(), Instant.now()));
        assertEquals(Optional.empty(), tokens.authenticate(issued.secret()));
    }

    @Test
    void expiredTokensAndDuplicateNamesAreRefused() {
        Organisation org = accounts.createOrganisation("University of Ghana", "university", "GH", null);
        long id = accounts.createAccount(org.id(), "kofi", "Kofi", null, Role.MODERATOR, "hash").id();
        IssuedToken expired = tokens.issue(id, "old", Optional.of(Instant.now().minusSeconds(1)));
        assertEquals(Optional.empty(), tokens.authenticate(expired.secret()));

        ConflictException taken = assertThrows(ConflictException.class,
                () -> accounts.createAccount(org.id(), "kofi", "Kofi again", null, Role.CONTRIBUTOR, "hash"));
        assertEquals("username", taken.field());
        assertThrows(ConflictException.class, () -> accounts.createOrganisation("University of Ghana", "university", "GH", null));
    }
}
