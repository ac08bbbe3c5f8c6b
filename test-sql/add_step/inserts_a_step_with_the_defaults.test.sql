begin;
select plan(3);
select pgflow_tests.reset_db();
select pgflow.create_flow('test_flow');

select is(
  (select row(s.flow_slug, s.step_slug, s.step_type, s.step_index, s.deps_count)::text
     from pgflow.add_step('test_flow', 'first') as s),
  '(test_flow,first,single,0,0)',
  'returns the new step row'
);
select results_eq(
  $$ select step_type, step_index, deps_count, opt_max_attempts, opt_base_delay, opt_timeout, opt_start_delay,
            required_input_pattern, forbidden_input_pattern, when_unmet, when_exhausted
       from pgflow.steps where flow_slug = 'test_flow' and step_slug = 'first' $$,
  $$ values ('single', 0, 0, null::int, null::int, null::int, null::int, null::jsonb, null::jsonb, 'skip', 'fail') $$,
  'a single step without deps, options (inherit) or patterns, with modes skip / fail'
);
select is((select count(*)::int from pgflow.deps), 0, 'no deps rows');

select * from finish();
rollback;
