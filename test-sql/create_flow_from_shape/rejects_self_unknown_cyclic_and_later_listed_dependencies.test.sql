-- Dependencies in a shape must name steps listed earlier in it. A self-dependency, an unknown
-- step, a cycle (named as a path) and a dependency listed after its dependent each raise 22023
-- naming the steps, before anything is created.
begin;
select plan(6);
select pgflow_tests.reset_db();

select is(
  pgflow_tests.error_of($$ select pgflow._create_flow_from_shape('dag',
    '{"steps": [{"slug": "a"}, {"slug": "b", "dependencies": ["b"]}]}') $$),
  jsonb_build_object('sqlstate', '22023', 'message', 'Invalid shape for flow "dag": step "b" (steps[1]) depends on itself',
                     'detail', null, 'hint', null, 'constraint', null),
  'a self-dependency names the step'
);
select is(
  pgflow_tests.error_of($$ select pgflow._create_flow_from_shape('dag',
    '{"steps": [{"slug": "a"}, {"slug": "b", "dependencies": ["a", "zzz"]}]}') $$) ->> 'message',
  'Invalid shape for flow "dag": step "b" (steps[1]) depends on "zzz", which is not a step of the shape',
  'an unknown dependency names the step and the dependency'
);
select is(
  pgflow_tests.error_of($$ select pgflow._create_flow_from_shape('dag',
    '{"steps": [{"slug": "root"}, {"slug": "a", "dependencies": ["root", "c"]},
                {"slug": "b", "dependencies": ["a"]}, {"slug": "c", "dependencies": ["b"]}]}') $$) ->> 'message',
  'Invalid shape for flow "dag": the dependencies form a cycle: a -> c -> b -> a (each step depends on the next)',
  'a cycle is named as a path'
);
select is(
  pgflow_tests.error_of($$ select pgflow._create_flow_from_shape('dag',
    '{"steps": [{"slug": "a", "dependencies": ["b"]}, {"slug": "b"}]}') $$) ->> 'message',
  'Invalid shape for flow "dag": step "a" (steps[0]) depends on "b", which comes later (steps[1]): '
  'list each step after its dependencies',
  'a dependency listed after its dependent names both positions'
);
select is((select count(*)::int from pgflow.flows), 0, 'no flow row is left');
select is((select count(*)::int from pgflow.steps), 0, 'no step row is left');

select * from finish();
rollback;
