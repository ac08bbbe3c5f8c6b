begin;
select plan(8);

select pgflow_tests.reset_db();
select pgflow.create_flow('bad_output');
select pgflow.add_step('bad_output', 'producer');
select pgflow.add_step('bad_output', 'm', array['producer'], step_type => 'map');

-- One run per non-array output type.
create temp table cases (kind text, output jsonb, run_id uuid) on commit drop;
insert into cases values ('object', '{"a": 1}', null), ('string', '"text"', null), ('number', '42', null),
                         ('boolean', 'true', null), ('null', 'null', null);
update cases set run_id = (select r.run_id from pgflow.start_flow('bad_output', jsonb_build_object('kind', cases.kind)) as r);

select pgflow_tests.read_and_start('bad_output', 5, 10);

select lives_ok(
  $$ select pgflow.complete_task(c.run_id, 'producer', 0, c.output) from cases c $$,
  'completing with a non-array output raises no exception'
);
select is(
  (select count(*)::int from pgflow.runs where status = 'failed'),
  5,
  'every run failed'
);
select is(
  (select array_agg(t.error_message order by c.kind)
     from cases c join pgflow.step_tasks t on t.run_id = c.run_id and t.step_slug = 'producer'),
  array['[TYPE_VIOLATION] Produced boolean instead of array', '[TYPE_VIOLATION] Produced null instead of array',
        '[TYPE_VIOLATION] Produced number instead of array', '[TYPE_VIOLATION] Produced object instead of array',
        '[TYPE_VIOLATION] Produced string instead of array'],
  'the task error names the JSON type'
);
select is(
  (select count(*)::int from cases c join pgflow.step_tasks t on t.run_id = c.run_id and t.step_slug = 'producer'
    where t.status = 'failed' and t.output = c.output),
  5,
  'each failed task keeps the offending output'
);
select is(
  (select array_agg(ss.error_message order by c.kind)
     from cases c join pgflow.step_states ss on ss.run_id = c.run_id and ss.step_slug = 'producer'),
  array['[TYPE_VIOLATION] Map step m expects array input but dependency producer produced boolean',
        '[TYPE_VIOLATION] Map step m expects array input but dependency producer produced null',
        '[TYPE_VIOLATION] Map step m expects array input but dependency producer produced number',
        '[TYPE_VIOLATION] Map step m expects array input but dependency producer produced object',
        '[TYPE_VIOLATION] Map step m expects array input but dependency producer produced string'],
  'the step error names the map, the dependency and the type'
);
select is(
  (select count(*)::int from pgflow.step_states where step_slug = 'm' and status = 'created' and initial_tasks is null),
  5,
  'the map keeps initial_tasks NULL and stays created'
);
select is((select count(*)::int from pgmq.q_bad_output), 0, 'no message is left in the queue');
select is((select count(*)::int from pgmq.a_bad_output), 5, 'the producer messages are archived');

select * from finish();
rollback;
