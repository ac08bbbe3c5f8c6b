-- pgflow's functions are declared SET search_path = '' and call pgmq from there. (Our layer's notify
-- API: notify_insert_functions_work_with_an_empty_search_path, compat only.)
begin;
select plan(17);

select pgmq.drop_queue(queue_name) from pgmq.list_queues();  -- start without queues (rolled back at the end)

create function pg_temp.on_empty_path(statements text) returns void
language plpgsql
set search_path = ''
as $$
begin
  execute statements;
end;
$$;

select lives_ok($t$select pg_temp.on_empty_path($q$select pgmq.create('empty_path')$q$)$t$, 'create');
select lives_ok($t$select pg_temp.on_empty_path($q$select pgmq.create_unlogged('empty_path_unlogged')$q$)$t$, 'create_unlogged');
select lives_ok($t$select pg_temp.on_empty_path($q$
  select pgmq.send('empty_path', '{}'), pgmq.send('empty_path', '{}', '{}'::jsonb), pgmq.send('empty_path', '{}', 0),
         pgmq.send('empty_path', '{}', '{}'::jsonb, 0), pgmq.send('empty_path', '{}', now()),
         pgmq.send('empty_path', '{}', '{}'::jsonb, now())$q$)$t$, 'send overloads');
select lives_ok($t$select pg_temp.on_empty_path($q$
  select pgmq.send_batch('empty_path', array['{}']::jsonb[]),
         pgmq.send_batch('empty_path', array['{}']::jsonb[], array['{}']::jsonb[]),
         pgmq.send_batch('empty_path', array['{}']::jsonb[], 0),
         pgmq.send_batch('empty_path', array['{}']::jsonb[], now()),
         pgmq.send_batch('empty_path', array['{}']::jsonb[], array['{}']::jsonb[], 0),
         pgmq.send_batch('empty_path', array['{}']::jsonb[], array['{}']::jsonb[], now())$q$)$t$, 'send_batch overloads');
select is((select count(*)::int from pgmq.q_empty_path), 12, 'all twelve messages were sent');
select lives_ok($t$select pg_temp.on_empty_path($q$select pgmq.read('empty_path', 0, 1, '{"a": 1}'), pgmq.read('empty_path', 0, 1)$q$)$t$, 'read');
select lives_ok($t$select pg_temp.on_empty_path($q$select pgmq.read_with_poll('empty_path', 0, 1, 1, 10)$q$)$t$, 'read_with_poll');
select lives_ok($t$select pg_temp.on_empty_path($q$select pgmq.pop('empty_path')$q$)$t$, 'pop');
select lives_ok($t$select pg_temp.on_empty_path($q$select pgmq.set_vt('empty_path', 2, 0)$q$)$t$, 'set_vt');
select lives_ok($t$select pg_temp.on_empty_path($q$
  select pgmq.archive('empty_path', 2::bigint), pgmq.archive('empty_path', array[3]::bigint[])$q$)$t$, 'archive');
select lives_ok($t$select pg_temp.on_empty_path($q$
  select pgmq.delete('empty_path', 4::bigint), pgmq.delete('empty_path', array[5]::bigint[])$q$)$t$, 'delete');
select lives_ok($t$select pg_temp.on_empty_path($q$select pgmq.metrics('empty_path'), pgmq.metrics_all()$q$)$t$, 'metrics');
select lives_ok($t$select pg_temp.on_empty_path($q$
  select pgmq.list_queues(), pgmq.format_table_name('empty_path', 'q'), pgmq.validate_queue_name('x')$q$)$t$,
  'list_queues and the name helpers');
select lives_ok($t$select pg_temp.on_empty_path($q$select pgmq.purge_queue('empty_path')$q$)$t$, 'purge_queue');
-- A queue of its own: after detach_archive the pgmq 1.5.1 extension cannot drop the queue
-- (drop_queue_after_detach_archive_fails_on_the_extension).
select lives_ok($t$select pg_temp.on_empty_path($q$
  select pgmq.create('empty_path_detached'); select pgmq.detach_archive('empty_path_detached')$q$)$t$, 'detach_archive');
select lives_ok($t$select pg_temp.on_empty_path($q$
  select pgmq.drop_queue('empty_path'), pgmq.drop_queue('empty_path_unlogged', false)$q$)$t$, 'drop_queue');
select results_eq($$select queue_name::text from pgmq.list_queues()$$, array['empty_path_detached'],
                  'both dropped queues are gone');

select * from finish();
rollback;
