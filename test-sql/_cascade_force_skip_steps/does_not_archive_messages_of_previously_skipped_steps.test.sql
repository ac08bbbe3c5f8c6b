begin;
select plan(2);
select pgflow_tests.reset_db();
select pgflow.create_flow('f');
select pgflow.add_step('f', 'a');
select pgflow.add_step('f', 'b', array['a']);
select pgflow.add_step('f', 'side');
select run_id from pgflow.start_flow('f', '{}'::jsonb) \gset
select message_id as side_msg from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'side' \gset

-- mark side as skipped by hand, leaving its task and message in place
update pgflow.step_states set status = 'skipped', skip_reason = 'preexisting_skip', skipped_at = now(), remaining_tasks = null
 where run_id = :'run_id' and step_slug = 'side';

select pgflow._cascade_force_skip_steps(:'run_id', 'a', 'condition_unmet');
select is((select count(*)::int from pgmq.q_f where msg_id = :side_msg), 1, 'the message of the earlier skip is untouched');
select is(
  (select status from pgflow.step_tasks where run_id = :'run_id' and step_slug = 'side'),
  'queued',
  'and so is its task'
);

select * from finish();
rollback;
