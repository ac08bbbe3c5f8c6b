-- pgflow grants: the documented minimum client surface (defect 18, pgflow-sql.md §11).
-- See docs/security.md for the reasoning and for adding per-run authorization.
--
-- State after this file, whatever ran before (it is re-applied on every install):
--   * PUBLIC has no privilege on schema pgflow.
--   * Internal functions (name starting with '_'), SECURITY DEFINER functions and the worker
--     keep-alive / stalled-task / cron functions are not executable by PUBLIC, anon,
--     authenticated or service_role. Only their owner (and superusers) can run them.
--   * Roles authenticated and service_role, when they exist (Supabase), get USAGE on schema
--     pgflow, EXECUTE on start_flow_with_states(text, jsonb, uuid) and get_run_with_states(uuid),
--     and SELECT on pgflow.flows and pgflow.steps: what the browser client needs.
--   * anon gets nothing.
--   * pgflow.settings (whether run events are broadcast privately) is owner-only: PUBLIC, anon,
--     authenticated and service_role have no privilege on it, whatever granted one before.
-- No role is created; on plain PostgreSQL and PGlite only the revokes apply. Grants a user added
-- on other tables or functions are left alone.
-- Keep this file the last migration: a function created after it keeps EXECUTE for PUBLIC.

revoke all on schema pgflow from public;
revoke all on table pgflow.settings from public;

do $$
declare
  v_routine regprocedure;
  v_role text;
begin
  for v_routine in
    select p.oid::regprocedure
      from pg_catalog.pg_proc p
      join pg_catalog.pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'pgflow'
       and p.prokind in ('f', 'p')
       and (
         left(p.proname, 1) = '_'
         or p.prosecdef
         or p.proname in (
           'ensure_workers',
           'cleanup_ensure_workers_logs',
           'setup_ensure_workers_cron',
           'requeue_stalled_tasks',
           'setup_requeue_stalled_tasks_cron',
           'requeue_orphaned_tasks',
           'set_worker_leases'
         )
       )
  loop
    execute format('revoke execute on routine %s from public', v_routine);
    foreach v_role in array array['anon', 'authenticated', 'service_role'] loop
      if exists (select 1 from pg_catalog.pg_roles r where r.rolname = v_role) then
        execute format('revoke execute on routine %s from %I', v_routine, v_role);
      end if;
    end loop;
  end loop;

  foreach v_role in array array['anon', 'authenticated', 'service_role'] loop
    if exists (select 1 from pg_catalog.pg_roles r where r.rolname = v_role) then
      execute format('revoke all on table pgflow.settings from %I', v_role);
    end if;
  end loop;

  foreach v_role in array array['authenticated', 'service_role'] loop
    if exists (select 1 from pg_catalog.pg_roles r where r.rolname = v_role) then
      execute format('grant usage on schema pgflow to %I', v_role);
      execute format(
        'grant execute on function pgflow.start_flow_with_states(text, jsonb, uuid), '
        'pgflow.get_run_with_states(uuid) to %I',
        v_role
      );
      execute format('grant select on table pgflow.flows, pgflow.steps to %I', v_role);
    end if;
  end loop;
end;
$$;
