package org.clearinghouse.server.accounts;

import org.clearinghouse.server.audit.Actor;
import org.clearinghouse.server.audit.RequestContext;
import org.clearinghouse.server.catalogue.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A demo organisation with a moderator and a contributor, so a laptop start can be tried at once; made only when
 * no account exists yet ({@code CLEARINGHOUSE_DEMO_ACCOUNTS}). The credentials are public (README): never use
 * them on a server others can reach.
 */
public final class DemoAccounts {
    public static final String ORGANISATION = "Demo organisation";
    public static final String MODERATOR = "demo-moderator";
    public static final String MODERATOR_PASSWORD = "demo-moderator-password";
    public static final String CONTRIBUTOR = "demo-contributor";
    public static final String CONTRIBUTOR_PASSWORD = "demo-contributor-password";
    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    private DemoAccounts() {
    }

    /** Creates them when there is no account at all; true when it did. */
    public static boolean createIfNoAccounts(AccountAdmin admin) {
        if (admin.anyAccount()) {
            return false;
        }
        RequestContext request = new RequestContext("startup:demo-accounts", "local");
        try {
            Organisation organisation = admin.createOrganisation(ORGANISATION, "ngo", null, null, Actor.STARTUP, request);
            admin.createAccount(organisation.id(), MODERATOR, "Demo moderator", null, "moderator", MODERATOR_PASSWORD,
                    Actor.STARTUP, request);
            admin.createAccount(organisation.id(), CONTRIBUTOR, "Demo contributor", null, "contributor", CONTRIBUTOR_PASSWORD,
                    Actor.STARTUP, request);
        } catch (ConflictException e) {
            // Another process sharing the database made them at the same moment.
            LOG.info("demo accounts already being created by another process: {}", e.getMessage());
            return false;
        }
        LOG.info("created demo accounts '{}' (moderator) and '{}' (contributor) in '{}'; their passwords are in README.md. "
                + "Set CLEARINGHOUSE_DEMO_ACCOUNTS=false to start without them", MODERATOR, CONTRIBUTOR, ORGANISATION);
        return true;
    }
}
