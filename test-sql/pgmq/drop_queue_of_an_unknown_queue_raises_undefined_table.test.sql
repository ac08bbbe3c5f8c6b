-- pgmq flavour: extension
-- The pgmq 1.5.1 extension's drop_queue has no existence check: for an unknown queue its
-- `ALTER EXTENSION pgmq DROP TABLE` raises 42P01, and the deprecated drop_queue(name, partitioned)
-- (which calls it) too, after its warning. pgflow.delete_flow_and_data and the workers drop a queue
-- only when pgmq.list_queues() lists it (delete_flow_and_data/cleans_a_flow_whose_queue_is_missing
-- runs on both flavours); other callers of pgmq.drop_queue must do the same on 1.5.1. Extension only:
-- our layer follows pgmq 1.6+ (drop_queue_of_an_unknown_queue_returns_false). Pins pgmq 1.5.1.
begin;
select plan(4);

select is((select extversion from pg_extension where extname = 'pgmq'), '1.5.1', 'the pgmq 1.5.1 extension is installed');
select throws_ok($$select pgmq.drop_queue('does_not_exist')$$,
  '42P01', 'relation "pgmq.q_does_not_exist" does not exist', 'drop_queue of an unknown queue raises 42P01');
select throws_ok($$select pgmq.drop_queue('Does-Not-Exist')$$,
  '42P01', 'relation "pgmq.q_does-not-exist" does not exist', 'also for a name that needs quoting');
set local client_min_messages = error; -- the deprecation WARNING
select throws_ok($$select pgmq.drop_queue('does_not_exist', false)$$,
  '42P01', 'relation "pgmq.q_does_not_exist" does not exist', 'and so does the deprecated drop_queue(name, partitioned)');
reset client_min_messages;

select * from finish();
rollback;
