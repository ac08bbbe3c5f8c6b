-- The migration must be safe to apply twice: nothing is dropped, recreated or reset.
begin;
select plan(4);

select pgmq.create('survivor');
select pgmq.send('survivor', '{"kept": true}');
select pgmq.enable_notify_insert('survivor', 100);

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
select results_eq($$select queue_name::text, throttle_interval_ms from pgmq.notify_insert_throttle$$, $$values ('survivor', 100)$$,
                  'notify settings are kept');

select * from finish();
rollback;
