-- Organisations, accounts and the audit trail (contribution and curation).
--
-- An organisation is who speaks: a member state's ministry or agency, a national contact point, an
-- international organisation, a university, an NGO or a company, for a country (ISO 3166-1 alpha-2) or a
-- region/body code of the vocabularies. Accounts belong to one organisation and carry one role.
--
-- audit_log is append-only: every write and every authentication failure, with the request id that the
-- access log also prints. The trigger below refuses updates and deletes, so not even the application
-- can rewrite history; `truncate` (test resets only) stays possible.

create table organisation (
  id bigint generated always as identity primary key,
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('ministry', 'national_contact_point', 'international_organisation',
                                     'university', 'ngo', 'company')),
  country text,
  region text,
  created_at timestamptz not null default now()
);

create table account (
  id bigint generated always as identity primary key,
  organisation_id bigint not null references organisation (id),
  username text not null check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  display_name text not null check (length(display_name) between 1 and 200),
  email text,
  role text not null check (role in ('contributor', 'moderator', 'admin')),
  password_hash text not null,
  failed_logins int not null default 0,
  locked_until timestamptz,
  disabled boolean not null default false,
  created_at timestamptz not null default now()
);

-- Personal API tokens: only a SHA-256 hash of the secret is stored (the secret is 256 random bits, so a fast
-- hash is enough: nothing to brute-force), with a short prefix the owner recognises it by.
create table api_token (
  id bigint generated always as identity primary key,
  account_id bigint not null references account (id),
  name text not null check (length(name) between 1 and 100),
  prefix text not null,
  token_hash text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default clock_timestamp(),
  actor_id bigint,
  actor_name text,
  action text not null,
  target_type text,
  target_id text,
  request_id text,
  client_address text,
  detail jsonb
);

/* [jooq ignore start] */
alter table organisation add constraint organisation_name_key unique (name);
alter table account add constraint account_username_key unique (username);
create index account_organisation_idx on account (organisation_id);
alter table api_token add constraint api_token_hash_key unique (token_hash);
create index api_token_account_idx on api_token (account_id);
create index audit_log_at_idx on audit_log (at, id);
create index audit_log_target_idx on audit_log (target_type, target_id, id);
create index audit_log_actor_idx on audit_log (actor_id, id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_append_only();
/* [jooq ignore stop] */
