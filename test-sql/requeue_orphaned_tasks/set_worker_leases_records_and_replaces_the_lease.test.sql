-- set_worker_leases records one lease per registered worker row and replaces it on a second call;
-- a worker row deleted takes its lease with it.
begin;
select plan(3);
select pgflow_tests.reset_db();

select pgflow_tests.ensure_worker('q_a', '11111111-1111-1111-1111-111111111111');
select pgflow_tests.ensure_worker('q_b', '22222222-2222-2222-2222-222222222222');
select pgflow.set_worker_leases(array['11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222',
                                      '33333333-3333-3333-3333-333333333333']::uuid[], 4000);
select results_eq($$select worker_id::text, lease_ms from pgflow.worker_leases order by 1$$,
  $$values ('11111111-1111-1111-1111-111111111111', 4000), ('22222222-2222-2222-2222-222222222222', 4000)$$,
  'one lease per registered worker (an unknown id is ignored)');
select pgflow.set_worker_leases(array['11111111-1111-1111-1111-111111111111']::uuid[], 9000);
select is((select lease_ms from pgflow.worker_leases where worker_id = '11111111-1111-1111-1111-111111111111'), 9000,
  'a second call replaces the lease');
delete from pgflow.workers where worker_id = '22222222-2222-2222-2222-222222222222';
select is((select count(*)::int from pgflow.worker_leases), 1, 'deleting a worker row deletes its lease');

select * from finish();
rollback;
