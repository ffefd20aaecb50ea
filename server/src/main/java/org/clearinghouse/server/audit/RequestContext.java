package org.clearinghouse.server.audit;

/**
 * What services need to know about the HTTP request they serve, without importing Javalin: the request id
 * (also in the access log and the X-Request-Id header) and the client address, for the audit trail.
 * Commands run outside HTTP use {@link #command(String)}.
 */
public record RequestContext(String requestId, String clientAddress) {

    public static RequestContext command(String name) {
        return new RequestContext("command:" + name, "local");
    }
}
