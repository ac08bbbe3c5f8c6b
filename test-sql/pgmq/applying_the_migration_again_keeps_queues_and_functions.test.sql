-- The migration must be safe to apply twice: nothing is dropped, recreated or reset. (The notify
-- settings of our layer: applying_the_migration_again_keeps_notify_insert_settings, compat only.)
begin;
select plan(3);

select pgmq.create('survivor');
select pgmq.send('survivor', '{"kept": true}');

create temporary table functions_before as
select p.oid, p.oid::regprocedure::text as signature, md5(p.prosrc) as body
from pg_proc p where p.pronamespace = 'pgmq'::regnamespace;
create temporary table types_before as
select t.oid, t.typname from pg_type t where t.typnamespace = 'pgmq'::regnamespace and t.typtype = 'c';

set local client_min_messages = warning;
\ir ../../supabase/migrations/20261126000100_pgmq.sql
reset client_min_messages;

select set_eq($$select p.oid, p.oid::regprocedure::text as signature, md5(p.prosrc) as body from pg_proc p where p.pronamespace = 'pgmq'::regnamespace$$,
              $$select * from functions_before$$, 'the same functions, with the same oids and bodies');
select set_eq($$select t.oid, t.typname from pg_type t where t.typnamespace = 'pgmq'::regnamespace and t.typtype = 'c'$$,
              $$select * from types_before$$, 'the same types and tables');
select results_eq($$select msg_id, message from pgmq.q_survivor$$, $$values (1::bigint, '{"kept": true}'::jsonb)$$,
                  'queued messages are kept');

select * from finish();
rollback;
