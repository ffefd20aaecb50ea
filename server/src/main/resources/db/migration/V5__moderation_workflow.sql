-- Moderation workflow: who owns a record, every version of its content as submitted, and the validation mark.
--
-- resource.organisation_id is the submitting organisation (null for seed records and records the operator
-- imported from the command line: only moderators edit those). resource.external_id is the organisation's own
-- key for a record, so a re-import of its list updates instead of duplicating. resource.version counts every
-- write to the record or its revisions (a trigger bumps it, whoever writes): the ETag of optimistic concurrency.
--
-- revision holds each version of a record's content exactly as submitted (n = 1, 2, ...), never overwritten:
-- its state moves pending -> published | changes_requested | rejected, published -> withdrawn | superseded
-- (a newer revision was approved), pending -> superseded (a newer edit came before any decision).
-- type and jurisdictions repeat the content's, for the moderation queue's filters.

alter table resource add column organisation_id bigint references organisation (id);
alter table resource add column external_id text;
alter table resource add column version bigint not null default 1;
alter table resource add column validated_by bigint references account (id);
alter table resource add column validated_by_name text;
alter table resource add column validated_organisation text;
alter table resource add column validated_country text;
alter table resource add column validated_at timestamptz;

create table revision (
  resource_id uuid not null references resource (id),
  n int not null check (n >= 1),
  content jsonb not null,
  type text not null,
  jurisdictions text[] not null,
  author_id bigint references account (id),
  author_name text,
  organisation_id bigint references organisation (id),
  created_at timestamptz not null,
  state text not null check (state in ('pending', 'published', 'changes_requested', 'rejected', 'withdrawn', 'superseded')),
  decision text check (decision in ('approve', 'reject', 'request_changes')),
  comment text check (length(comment) <= 4000),
  decided_by bigint references account (id),
  decided_by_name text,
  decided_at timestamptz,
  reply text check (length(reply) <= 4000),
  replied_at timestamptz,
  withdrawn_by_name text,
  withdrawal_comment text check (length(withdrawal_comment) <= 4000),
  withdrawn_at timestamptz,
  duplicate_warnings jsonb not null default '[]',
  primary key (resource_id, n)
);

/* [jooq ignore start] */
create unique index resource_external_id_key on resource (organisation_id, external_id) where external_id is not null;
create index resource_organisation_idx on resource (organisation_id);
create index revision_state_idx on revision (state, created_at, resource_id, n);
create index revision_author_idx on revision (author_id, created_at);
create index revision_organisation_idx on revision (organisation_id, created_at);

create function resource_bump_version() returns trigger language plpgsql as $$
begin
  new.version := old.version + 1;
  return new;
end;
$$;

create trigger resource_bump_version before update on resource
  for each row execute function resource_bump_version();
/* [jooq ignore stop] */
