begin;
select plan(5);

do $$
declare
  v_role text;
begin
  foreach v_role in array array['anon', 'authenticated', 'service_role'] loop
    if not exists (select 1 from pg_roles where rolname = v_role) then
      execute format('create role %I nologin', v_role);
    end if;
  end loop;
end;
$$;
create role h_pgflow_stranger nologin;

-- A hand-written grant on an internal function is removed by the next install.
grant execute on function pgflow._archive_task_message(uuid, text, integer) to authenticated;
grant execute on function pgflow.requeue_stalled_tasks() to anon;

\ir ../../supabase/migrations/20261126000600_pgflow_grants.sql

create temporary table internal_routines as
  select p.oid::regprocedure as routine
    from pg_proc p
    join pg_namespace n on n.oid = p.pronamespace
   where n.nspname = 'pgflow'
     and p.prokind in ('f', 'p')
     and (left(p.proname, 1) = '_'
          or (p.prosecdef and p.proname not in ('start_flow_with_states', 'get_run_with_states'))
          or p.proname in ('ensure_workers', 'cleanup_ensure_workers_logs', 'setup_ensure_workers_cron',
                           'requeue_stalled_tasks', 'setup_requeue_stalled_tasks_cron',
                           'requeue_orphaned_tasks', 'set_worker_leases'));

select ok(
  (select count(*) >= 8 from internal_routines),
  'the internal, cron, requeue and keep-alive functions are found'
);
select is_empty(
  $$ select routine::text from internal_routines
      where has_function_privilege('h_pgflow_stranger', routine, 'execute') $$,
  'PUBLIC (seen through a role without grants) can execute none of them'
);
select is_empty(
  $$ select routine::text from internal_routines
      where has_function_privilege('authenticated', routine, 'execute') $$,
  'authenticated can execute none of them'
);
select is_empty(
  $$ select routine::text from internal_routines
      where has_function_privilege('anon', routine, 'execute')
         or has_function_privilege('service_role', routine, 'execute') $$,
  'anon and service_role can execute none of them'
);
select ok(
  has_function_privilege(current_user, 'pgflow.requeue_stalled_tasks()', 'execute'),
  'the owner still can'
);

select finish();
rollback;
