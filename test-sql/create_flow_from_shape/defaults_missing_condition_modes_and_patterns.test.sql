begin;
select plan(1);
select pgflow_tests.reset_db();

-- Legacy shapes (before conditions) have no whenUnmet, whenExhausted or pattern keys.
select pgflow._create_flow_from_shape('legacy', '{"steps": [
  {"slug": "a", "stepType": "single", "dependencies": []},
  {"slug": "b", "dependencies": ["a"]}
]}');

select results_eq(
  $$ select step_slug, step_type, when_unmet, when_exhausted, required_input_pattern, forbidden_input_pattern
       from pgflow.steps order by step_index $$,
  $$ values ('a', 'single', 'skip', 'fail', null::jsonb, null::jsonb),
            ('b', 'single', 'skip', 'fail', null::jsonb, null::jsonb) $$,
  'missing modes become skip / fail, missing patterns NULL, a missing stepType single'
);

select * from finish();
rollback;
