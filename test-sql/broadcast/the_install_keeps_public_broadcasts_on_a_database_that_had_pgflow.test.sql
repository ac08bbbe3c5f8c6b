-- The schema migration decides the stored realtime_private once: 'off' when pgflow.flows exists
-- but our pgflow._broadcast does not (pgflow's own schema was there first), else 'on'; applying it
-- again never changes a stored value.
begin;
select plan(4);
set local client_min_messages = warning;

update pgflow.settings set value = 'off' where name = 'realtime_private';
\ir ../../supabase/migrations/20261126000200_pgflow_schema.sql
select is(
  (select value from pgflow.settings where name = 'realtime_private'),
  'off',
  'applying the schema again keeps a stored off'
);

update pgflow.settings set value = 'on' where name = 'realtime_private';
\ir ../../supabase/migrations/20261126000200_pgflow_schema.sql
select is(
  (select value from pgflow.settings where name = 'realtime_private'),
  'on',
  'applying the schema again keeps a stored on'
);

-- A database installed by pgflow-ts before pgflow.settings existed: it was private already.
delete from pgflow.settings;
\ir ../../supabase/migrations/20261126000200_pgflow_schema.sql
select is(
  (select value from pgflow.settings where name = 'realtime_private'),
  'on',
  'pgflow.flows and pgflow._broadcast exist: on'
);

-- A database with pgflow's own schema: pgflow.flows without our _broadcast.
delete from pgflow.settings;
alter function pgflow._broadcast(uuid, text, jsonb) rename to _broadcast_hidden;
\ir ../../supabase/migrations/20261126000200_pgflow_schema.sql
select is(
  (select value from pgflow.settings where name = 'realtime_private'),
  'off',
  'pgflow.flows without pgflow._broadcast: off (upstream''s public broadcasts)'
);

select * from finish();
rollback;
