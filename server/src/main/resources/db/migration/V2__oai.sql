-- OAI-PMH harvesting (/oai) walks the records it exposes (published ones, and withdrawn ones reported as
-- deleted) in datestamp order, keyset-paged on (updated_at, id); this index serves that walk and the from/until
-- bounds without a sort, whatever the size of the catalogue. (Not a partial index on the two statuses: the
-- statuses arrive as bind parameters, and a generic plan could not use it.)

-- Kept out of jOOQ's build-time DDL simulation like the other indexes; PostgreSQL applies it.
/* [jooq ignore start] */
create index resource_oai_harvest_idx on resource (updated_at, id);
/* [jooq ignore stop] */
