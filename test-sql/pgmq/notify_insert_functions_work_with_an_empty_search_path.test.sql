-- pgmq flavour: compat
-- pgflow's functions are declared SET search_path = '' and call pgmq from there; so may callers of
-- our layer's pgmq 1.8 notify API, and its trigger runs on every insert of those callers.
-- Compat only: pgmq 1.5.1 has no enable_notify_insert / disable_notify_insert.
begin;
select plan(3);

create function pg_temp.on_empty_path(statements text) returns void
language plpgsql
set search_path = ''
as $$
begin
  execute statements;
end;
$$;

select pgmq.create('empty_path');
select lives_ok($t$select pg_temp.on_empty_path($q$
  select pgmq.enable_notify_insert('empty_path', 0); select pgmq.send('empty_path', '{}');
  select pgmq.enable_notify_insert('empty_path', 10); select pgmq.send('empty_path', '{}')$q$)$t$,
  'enable_notify_insert and its trigger');
select lives_ok($t$select pg_temp.on_empty_path($q$select pgmq.disable_notify_insert('empty_path')$q$)$t$, 'disable_notify_insert');
select is((select count(*)::int from pgmq.q_empty_path), 2, 'both messages were sent');

select * from finish();
rollback;
