-- A shape that is not a FlowShape raises 22023 `Invalid shape for flow "<slug>": ...` naming the
-- key, the step and the bad value, before anything is created: no flow row, no queue.
begin;
select plan(18);
select pgflow_tests.reset_db();

create temporary table cases (shape jsonb, expected text) on commit drop;
insert into cases values
  (null, 'the shape is NULL; expected an object {"steps": [...]}'),
  ('[]', 'the shape must be an object {"steps": [...]}, got array []'),
  ('{"foo": 1}', '"steps" is missing (keys given: foo); expected {"steps": [...]}, with [] for a flow without steps'),
  ('{"steps": {"slug": "a"}}', '"steps" must be an array, got object {"slug": "a"}'),
  ('{"steps": [], "options": 3}', '"options" must be an object, got 3'),
  ('{"steps": ["a"]}', 'steps[0] must be an object, got "a"'),
  ('{"steps": [{"slug": "a"}, {"stepType": "map"}]}', 'steps[1] has no "slug"'),
  ('{"steps": [{"slug": 7}]}', 'steps[0].slug must be a string, got 7'),
  ('{"steps": [{"slug": "a"}, {"slug": "a"}]}', 'step "a" (steps[1]) repeats the slug of steps[0]'),
  ('{"steps": [{"slug": "a", "stepType": "fanout"}]}', 'step "a" (steps[0]): stepType must be "single" or "map", got "fanout"'),
  ('{"steps": [{"slug": "a", "whenUnmet": "ignore"}]}',
   'step "a" (steps[0]): whenUnmet must be "fail", "skip" or "skip-cascade", got "ignore"'),
  ('{"steps": [{"slug": "a", "whenExhausted": null}]}',
   'step "a" (steps[0]): whenExhausted must be "fail", "skip" or "skip-cascade", got null'),
  ('{"steps": [{"slug": "a", "requiredInputPattern": {"defined": true}}]}',
   'step "a" (steps[0]): requiredInputPattern must be {"defined": false} or {"defined": true, "value": {...}}, got {"defined": true}'),
  ('{"steps": [{"slug": "a", "options": [1]}]}', 'step "a" (steps[0]): options must be an object, got [1]'),
  ('{"steps": [{"slug": "a", "dependencies": "b"}]}',
   'step "a" (steps[0]): dependencies must be an array of step slugs, got "b"'),
  ('{"steps": [{"slug": "a", "dependencies": [1]}]}',
   'step "a" (steps[0]): dependencies must be step slugs (strings), got 1');

select is(
  pgflow_tests.error_of(format('select pgflow._create_flow_from_shape(%L, %L::jsonb)', 'bad_flow', c.shape)),
  jsonb_build_object('sqlstate', '22023', 'message', 'Invalid shape for flow "bad_flow": ' || c.expected,
                     'detail', null, 'hint', null, 'constraint', null),
  coalesce(c.shape::text, 'NULL shape')
) from cases as c;

select is((select count(*)::int from pgflow.flows), 0, 'no flow row is left');
select is((select count(*)::int from pgmq.list_queues()), 0, 'no queue is left');

select * from finish();
rollback;
