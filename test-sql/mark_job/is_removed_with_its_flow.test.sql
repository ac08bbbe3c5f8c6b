begin;
select plan(1);
select pgflow_tests.reset_db();

select pgflow.create_flow('nightly');
select pgflow.add_step('nightly', 'job');
select pgflow.mark_job('nightly');
select pgflow.delete_flow_and_data('nightly');

select is_empty($$ select 1 from pgflow.jobs where flow_slug = 'nightly' $$,
  'delete_flow_and_data removes the job marker with the flow');

select * from finish();
rollback;
