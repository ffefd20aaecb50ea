-- Stable identifiers: a record keeps every URL it ever had.
--
-- resource_slug_history remembers each slug a record gave up (written by ResourceRepository.renameSlug in the
-- same transaction as the rename), so /api/v1/resources/{old-slug} can answer 301 to the current slug forever.
-- A slug belongs to one record for good: the triggers below refuse to hand a slug that is in another record's
-- history to a new or renamed record, and report it as the same unique violation as a taken current slug.
--
-- No foreign key to resource: records are never deleted, and one would make `truncate resource` (used to
-- reset test databases) fail.
--
-- resource.withdrawn_at says when a record was withdrawn, for the 410 answer. A trigger keeps it, so every
-- writer (changeStatus, future moderation code, manual SQL) gets it right: it takes the updated_at of the write
-- that moved the record to 'withdrawn', and is cleared when the record leaves that state.

create table resource_slug_history (
  slug text not null,
  resource_id uuid not null,
  replaced_at timestamptz not null
);

alter table resource add column withdrawn_at timestamptz;

-- jOOQ's build-time DDL simulation cannot index text columns nor parse PL/pgSQL; PostgreSQL applies everything below.
/* [jooq ignore start] */
alter table resource_slug_history add constraint resource_slug_history_pkey primary key (slug);
create index resource_slug_history_resource_idx on resource_slug_history (resource_id);

update resource set withdrawn_at = updated_at where status = 'withdrawn';

create function resource_keep_identifiers() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' or new.slug is distinct from old.slug then
    if exists (select 1 from resource_slug_history h where h.slug = new.slug and h.resource_id <> new.id) then
      raise exception 'slug % belonged to another resource', new.slug
        using errcode = 'unique_violation', constraint = 'resource_slug_key';
    end if;
  end if;
  if new.status = 'withdrawn' then
    if tg_op = 'INSERT' or old.status is distinct from 'withdrawn' or new.withdrawn_at is null then
      new.withdrawn_at := coalesce(new.updated_at, now());
    end if;
  else
    new.withdrawn_at := null;
  end if;
  return new;
end;
$$;

create trigger resource_keep_identifiers before insert or update on resource
  for each row execute function resource_keep_identifiers();
/* [jooq ignore stop] */
