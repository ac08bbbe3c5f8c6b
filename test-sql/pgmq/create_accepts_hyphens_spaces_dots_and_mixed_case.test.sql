begin;
select plan(16);

create temporary table names (queue_name text, table_name text);
insert into names values
  ('queue-hyphened', 'q_queue-hyphened'),
  ('QueueCased', 'q_queuecased'),
  ('with space', 'q_with space'),
  ('dot.ted', 'q_dot.ted');

select pgmq.create(queue_name) from names;

select has_table('pgmq', table_name, format('queue %s has table %s', queue_name, table_name)) from names;
select results_eq(format('select * from pgmq.send(%L, %L)', queue_name, '{"hello": "world"}'),
                  array[1::bigint], format('send to %s', queue_name)) from names;
select results_eq(format('select msg_id, read_ct, message from pgmq.read(%L, 1, 1)', queue_name),
                  $$values (1::bigint, 1, '{"hello": "world"}'::jsonb)$$, format('read from %s', queue_name)) from names;
select ok(pgmq.archive(queue_name, 1), format('archive in %s', queue_name)) from names;

select * from finish();
rollback;
