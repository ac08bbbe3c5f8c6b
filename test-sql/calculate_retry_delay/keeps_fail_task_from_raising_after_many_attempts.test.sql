begin;
select plan(3);
select pgflow_tests.reset_db();

-- Defect 8 end to end: upstream's fail_task raised "integer out of range" once
-- base_delay * 2^attempts_count passed 2^31 - 1.
select pgflow.create_flow('patient', max_attempts => 40, base_delay => 5);
select pgflow.add_step('patient', 'only');
select pgflow.start_flow('patient', '{}');
select pgflow_tests.read_and_start('patient');
update pgflow.step_tasks set attempts_count = 30 where flow_slug = 'patient';

select lives_ok(
  $$ select pgflow.fail_task(
       (select run_id from pgflow.runs where flow_slug = 'patient'), 'only', 0, 'still failing') $$,
  'fail_task retries instead of raising'
);
select is((select status from pgflow.step_tasks where flow_slug = 'patient'), 'queued', 'the task is queued for a retry');
select ok(
  (select q.vt > now() + interval '60 years'
     from pgmq.q_patient as q join pgflow.step_tasks as t on t.message_id = q.msg_id),
  'its message is hidden for the clamped delay (2147483647 s, about 68 years)'
);

select * from finish();
rollback;
