-- pgmq flavour: compat
-- Re-applying the migration over our layer keeps each queue's notify settings: its throttle row
-- and its trigger. Compat only: pgmq 1.5.1 has no enable_notify_insert (pgmq 1.8 API), and over the
-- extension the migration changes nothing anyway (applying_the_migration_again_keeps_queues_and_functions).
begin;
select plan(2);

select pgmq.create('survivor');
select pgmq.enable_notify_insert('survivor', 100);
create temporary table triggers_before as
select t.oid, t.tgname from pg_trigger t where t.tgrelid = 'pgmq.q_survivor'::regclass and not t.tgisinternal;

set local client_min_messages = warning;
\ir ../../supabase/migrations/20261126000100_pgmq.sql
reset client_min_messages;

select results_eq($$select queue_name::text, throttle_interval_ms from pgmq.notify_insert_throttle$$, $$values ('survivor', 100)$$,
                  'the throttle row is kept');
select set_eq($$select t.oid, t.tgname from pg_trigger t where t.tgrelid = 'pgmq.q_survivor'::regclass and not t.tgisinternal$$,
              $$select * from triggers_before$$, 'the notify trigger is kept, not recreated');

select * from finish();
rollback;
