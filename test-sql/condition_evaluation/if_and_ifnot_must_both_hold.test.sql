begin;
select plan(4);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a',
  required_input_pattern => '{"kind": "order"}',
  forbidden_input_pattern => '{"cancelled": true}');
select run_id as both_ok from pgflow.start_flow('f', '{"kind": "order", "cancelled": false}'::jsonb) \gset
select run_id as if_fails from pgflow.start_flow('f', '{"kind": "refund"}'::jsonb) \gset
select run_id as ifnot_fails from pgflow.start_flow('f', '{"kind": "order", "cancelled": true}'::jsonb) \gset
select run_id as missing_key from pgflow.start_flow('f', '{"cancelled": false}'::jsonb) \gset

select is((select status from pgflow.step_states where run_id = :'both_ok'), 'started', 'both hold: started');
select is((select status from pgflow.step_states where run_id = :'if_fails'), 'skipped', 'if fails: skipped');
select is((select status from pgflow.step_states where run_id = :'ifnot_fails'), 'skipped', 'ifNot fails: skipped');
select is((select status from pgflow.step_states where run_id = :'missing_key'), 'skipped', 'a missing key does not contain the pattern');

select * from finish();
rollback;
