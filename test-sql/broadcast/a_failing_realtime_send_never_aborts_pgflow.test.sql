-- Supabase's realtime.send turns errors into warnings; pgflow relies on that.
begin;
select plan(2);

select pgflow_tests.reset_db();
select pgflow_tests.setup_flow('sequential');

-- Make every insert into realtime.messages fail.
set local client_min_messages = error;
alter table realtime.messages add constraint h_rt1_reject_all check (false) not valid;

select lives_ok(
  $$ select pgflow.start_flow('sequential', '{}'::jsonb) $$,
  'start_flow works although every broadcast fails'
);
select is((select status from pgflow.step_states where step_slug = 'first'), 'started', 'the root step started');

select * from finish();
rollback;
