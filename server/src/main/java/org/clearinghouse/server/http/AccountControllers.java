package org.clearinghouse.server.http;

/** The controllers of sessions, tokens, administration and the audit trail, and the authentication they share. */
public record AccountControllers(SessionController sessions, TokenController tokens, AdminController admin,
                                 AuditController audit, Authentication authentication) {
}
