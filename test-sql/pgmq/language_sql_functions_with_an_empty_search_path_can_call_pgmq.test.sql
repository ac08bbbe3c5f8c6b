-- LANGUAGE sql bodies are checked at CREATE, so pgmq must exist with these exact argument types
-- before pgflow's migrations create functions such as create_flow and _archive_task_message.
begin;
select plan(3);

select lives_ok($f$
  create function pg_temp.make_queue(slug text) returns void language sql set search_path = '' as $$
    select pgmq.create(slug) where not exists (select 1 from pgmq.list_queues() where queue_name = slug);
  $$;
  create function pg_temp.archive_all(slug text, ids bigint[]) returns setof bigint language sql set search_path = '' as $$
    select pgmq.archive(slug, ids);
  $$;
  create function pg_temp.take(slug text) returns setof bigint language sql set search_path = '' as $$
    select msg_id from pgmq.read_with_poll(slug, 1, 10, 1, 50);
  $$;
$f$, 'sql functions calling create, list_queues, archive and read_with_poll can be created');

select pg_temp.make_queue('sql_caller');
select pg_temp.make_queue('sql_caller');
select pgmq.send_batch('sql_caller', array['{}', '{}']::jsonb[], 0);

select results_eq($$select pg_temp.take('sql_caller')$$, array[1::bigint, 2], 'and they work');
select results_eq($$select pg_temp.archive_all('sql_caller', array[1, 2]::bigint[])$$, array[1::bigint, 2], 'archive too');

select * from finish();
rollback;
