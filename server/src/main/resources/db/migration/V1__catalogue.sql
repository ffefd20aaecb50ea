-- The catalogue: one row per resource, its current state. Codes are checked against the vocabularies
-- by the application (they are data in seed-data); the database guards the shapes it can guard itself.

-- One row, incremented inside every writing transaction. Its row lock serialises writers, so change
-- sequences become visible in commit order and an index following "seq > last applied" never skips one.
create table change_counter (
  id int primary key check (id = 1),
  value bigint not null
);
insert into change_counter (id, value) values (1, 0);

create table resource (
  id uuid primary key,
  slug text not null,
  type text not null check (type in ('course', 'tool', 'policy', 'regulation', 'practice')),
  status text not null check (status in ('pending', 'published', 'changes_requested', 'rejected', 'withdrawn')),
  title text not null check (length(title) between 1 and 300),
  summary text not null check (length(summary) between 1 and 4000),
  original_language text not null,
  url text not null,
  url_key text not null,
  publisher text not null,
  license text not null,
  published text,
  published_year int,
  published_sort text not null,
  languages text[] not null,
  jurisdictions text[] not null,
  regions text[] not null,
  themes text[] not null,
  levels text[] not null,
  audiences text[] not null,
  sdg4_targets text[] not null,
  keywords text[] not null,
  translations jsonb not null,
  details jsonb not null,
  provenance jsonb,
  seed_checksum text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  change_seq bigint not null
);

-- jOOQ's build-time DDL simulation cannot index text columns; PostgreSQL applies everything below.
/* [jooq ignore start] */
alter table resource add constraint resource_slug_key unique (slug);
alter table resource add constraint resource_url_key_key unique (url_key);

create index resource_change_seq_idx on resource (change_seq);
create index resource_listing_idx on resource (status, published_sort, id);
create index resource_type_idx on resource (status, type);
create index resource_jurisdictions_idx on resource using gin (jurisdictions);
/* [jooq ignore stop] */
