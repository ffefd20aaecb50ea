-- Sign-in sessions of the web (and of anyone who signs in with a password to get a first API token).
--
-- The cookie carries a 256-bit random secret; only its SHA-256 is stored, as for API tokens, so a copy of the
-- database does not let anyone act as a signed-in user. A session ends at expires_at (absolute lifetime), or
-- when it has not been used for the configured idle timeout (last_seen_at), or at sign-out (the row is
-- deleted). Any server process sharing the database recognises it.
create table account_session (
  id bigint generated always as identity primary key,
  account_id bigint not null references account (id),
  token_hash text not null,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  client_address text
);

/* [jooq ignore start] */
alter table account_session add constraint account_session_hash_key unique (token_hash);
create index account_session_account_idx on account_session (account_id);
create index account_session_expires_idx on account_session (expires_at);
/* [jooq ignore stop] */
