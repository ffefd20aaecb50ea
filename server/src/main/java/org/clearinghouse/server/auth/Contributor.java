package org.clearinghouse.server.auth;

/** Someone allowed to submit records; until accounts exist, the holder of the bootstrap token. */
public record Contributor(String name) {
}
