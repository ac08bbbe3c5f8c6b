-- pgmq.md "Minimum surface", "Do not add overloads/defaults that make calls ambiguous", §3.4: every
-- call form that pgflow, its workers, its tests and the Elixir port use resolves to one function and
-- runs: positional calls with untyped literals, named-notation calls, and statements prepared with
-- untyped parameters (postgres.js sends JS numbers and strings as type unknown, defect 36).
-- The optional notify pair (§2.9), which only our layer has: pgmq_notify_calls_resolve_to_exactly_one_function.
begin;
select plan(32);
set local client_min_messages = warning;

-- §3.4 item 9: what pgflow's LANGUAGE sql functions reference must exist with these argument types.
select has_function('pgmq', 'create', array['text'], 'pgmq.create(text) exists');
select has_function('pgmq', 'list_queues', array[]::name[], 'pgmq.list_queues() exists');
select has_function('pgmq', 'archive', array['text', 'bigint[]'], 'pgmq.archive(text, bigint[]) exists');
select has_function('pgmq', 'read_with_poll', array['text', 'integer', 'integer', 'integer', 'integer', 'jsonb'],
  'pgmq.read_with_poll(text, integer, integer, integer, integer, jsonb) exists');
select is(to_regprocedure('pgmq.enable_notify_insert(text)'), null, 'there is no 1-argument enable_notify_insert(text)');

-- Real calls on a queue made here (rolled back at the end).
select lives_ok($$select pgmq.create('sc_resolve')$$, 'create(''q'') resolves and runs');
select is((select count(*)::int from pgmq.list_queues() where queue_name = 'sc_resolve'), 1, 'list_queues() lists the queue');
select is((select pgmq.format_table_name('sc_resolve', 'q')), 'q_sc_resolve', 'format_table_name(''q'', ''q'') resolves');

select is((select pgmq.send('sc_resolve', '{}'::jsonb)), 1::bigint, 'send(''q'', ''{}''::jsonb) resolves and returns msg id 1');
select is((select pgmq.send('sc_resolve', '{"n": 2}')), 2::bigint, 'send(''q'', ''{...}'') with an untyped message resolves');
select is((select pgmq.send('sc_resolve', '{"n": 3}'::jsonb, '{"h": 1}'::jsonb)), 3::bigint, 'send(q, msg, headers jsonb) resolves');
select is((select pgmq.send('sc_resolve', '{"n": 4}'::jsonb, 0)), 4::bigint, 'send(q, msg, 0) resolves to the integer delay');
select is((select pgmq.send(queue_name => 'sc_resolve', msg => '{"n": 5}', delay => 0)), 5::bigint, 'send with named arguments resolves');
select is((select array_agg(s order by s) from pgmq.send_batch('sc_resolve', array['{"n": 6}', '{"n": 7}']::jsonb[]) as s),
  array[6, 7]::bigint[], 'send_batch(q, jsonb[]) resolves');
select is((select array_agg(s order by s) from pgmq.send_batch('sc_resolve', array['{"n": 8}']::jsonb[], 0) as s),
  array[8]::bigint[], 'send_batch(q, jsonb[], 0) resolves to the integer delay (start_ready_steps)');
select is((select array_agg(s order by s) from pgmq.send_batch(queue_name => 'sc_resolve', msgs => array['{"n": 9}']::jsonb[], delay => 0) as s),
  array[9]::bigint[], 'send_batch with named arguments resolves');

select is((select count(*)::int from pgmq.read('sc_resolve', 0, 2)), 2, 'read(q, 0, 2) resolves (conditional defaults)');
select is((select count(*)::int from pgmq.read(queue_name => 'sc_resolve', vt => 0, qty => 1)), 1, 'read with named arguments resolves');
select is((select count(*)::int from pgmq.read_with_poll('sc_resolve', 0, 1, 1, 10)), 1, 'read_with_poll(q, vt, qty, max_poll_seconds, poll_interval_ms) resolves');
select is((select count(*)::int from pgmq.read_with_poll(queue_name => 'sc_resolve', vt => 0, qty => 1)), 1,
  'read_with_poll with named arguments and defaults resolves');
select is((select count(*)::int from pgmq.set_vt('sc_resolve', 1, 0)), 1, 'set_vt(q, 1, 0) resolves');
select is((select count(*)::int from pgmq.pop('sc_resolve')), 1, 'pop(q) resolves');
select is((select pgmq.archive('sc_resolve', 2)), true, 'archive(q, 2) resolves to the single-id form');
select is((select array_agg(a) from pgmq.archive('sc_resolve', array[3]::bigint[]) as a), array[3]::bigint[], 'archive(q, bigint[]) resolves');
select is((select pgmq.delete('sc_resolve', 4)), true, 'delete(q, 4) resolves to the single-id form');
select is((select array_agg(d) from pgmq.delete('sc_resolve', array[5]::bigint[]) as d), array[5]::bigint[], 'delete(q, bigint[]) resolves');
select is((select (pgmq.metrics('sc_resolve')).queue_name), 'sc_resolve', 'metrics(q) resolves');
select is((select pgmq.purge_queue('sc_resolve')), 4::bigint, 'purge_queue(q) resolves');

-- Statements prepared with untyped parameters, the way postgres.js sends them.
select lives_ok(
  $$prepare sc_read_with_poll as select * from pgmq.read_with_poll(queue_name => $1, vt => $2, qty => $3, max_poll_seconds => $4, poll_interval_ms => $5)$$,
  'read_with_poll(queue_name => $1, vt => $2, ...) with untyped parameters is not ambiguous');
select lives_ok(
  $$prepare sc_send as select * from pgmq.send(queue_name => $1, msg => $2)$$,
  'send(queue_name => $1, msg => $2) with untyped parameters is not ambiguous');
select lives_ok(
  $$prepare sc_archive as select pgmq.archive(queue_name => $1, msg_id => $2), pgmq.delete(queue_name => $1, msg_id => $2)$$,
  'archive/delete(queue_name => $1, msg_id => $2) with untyped parameters are not ambiguous');

select is((select pgmq.drop_queue('sc_resolve')), true, 'drop_queue(q) resolves');

deallocate all;

select * from finish();
rollback;
