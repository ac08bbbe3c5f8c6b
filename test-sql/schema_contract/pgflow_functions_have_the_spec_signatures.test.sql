-- pgflow-sql.md §8 (function table): each of the 31 pgflow functions exists exactly once (no
-- overloads, so named-argument calls cannot become ambiguous), with the exact parameter names, types
-- and defaults, and the exact return type. Parameter names are API: callers use named notation.
-- Further (additive) functions are allowed; pgflow_functions_have_the_spec_language_volatility_and_security
-- holds them to SECURITY INVOKER with search_path = ''.
begin;
select plan(32);

create temporary table expected_signature (ord serial, fname text, args text, result text) on commit drop;
insert into expected_signature (fname, args, result) values
  ('is_local',                         '', 'boolean'),
  ('is_valid_slug',                    'slug text', 'boolean'),
  ('calculate_retry_delay',            'base_delay numeric, attempts_count integer', 'integer'),
  ('create_flow',                      'flow_slug text, max_attempts integer DEFAULT NULL::integer, base_delay integer DEFAULT NULL::integer, timeout integer DEFAULT NULL::integer', 'pgflow.flows'),
  ('add_step',                         'flow_slug text, step_slug text, deps_slugs text[] DEFAULT ''{}''::text[], max_attempts integer DEFAULT NULL::integer, base_delay integer DEFAULT NULL::integer, timeout integer DEFAULT NULL::integer, start_delay integer DEFAULT NULL::integer, step_type text DEFAULT ''single''::text, required_input_pattern jsonb DEFAULT NULL::jsonb, forbidden_input_pattern jsonb DEFAULT NULL::jsonb, when_unmet text DEFAULT ''skip''::text, when_exhausted text DEFAULT ''fail''::text', 'pgflow.steps'),
  ('_get_flow_shape',                  'p_flow_slug text', 'jsonb'),
  ('_compare_flow_shapes',             'p_local jsonb, p_db jsonb', 'text[]'),
  ('_create_flow_from_shape',          'p_flow_slug text, p_shape jsonb', 'void'),
  ('ensure_flow_compiled',             'flow_slug text, shape jsonb, allow_data_loss boolean DEFAULT false', 'jsonb'),
  ('delete_flow_and_data',             'p_flow_slug text', 'void'),
  ('start_flow',                       'flow_slug text, input jsonb, run_id uuid DEFAULT NULL::uuid', 'SETOF pgflow.runs'),
  ('start_flow_with_states',           'flow_slug text, input jsonb, run_id uuid DEFAULT NULL::uuid', 'jsonb'),
  ('get_run_with_states',              'run_id uuid', 'jsonb'),
  ('cascade_resolve_conditions',       'run_id uuid', 'boolean'),
  ('cascade_complete_taskless_steps',  'run_id uuid', 'integer'),
  ('start_ready_steps',                'run_id uuid', 'void'),
  ('maybe_complete_run',               'run_id uuid', 'void'),
  ('start_tasks',                      'flow_slug text, msg_ids bigint[], worker_id uuid', 'SETOF pgflow.step_task_record'),
  ('complete_task',                    'run_id uuid, step_slug text, task_index integer, output jsonb', 'SETOF pgflow.step_tasks'),
  ('fail_task',                        'run_id uuid, step_slug text, task_index integer, error_message text', 'SETOF pgflow.step_tasks'),
  ('_cascade_force_skip_steps',        'run_id uuid, step_slug text, skip_reason text', 'integer'),
  ('_archive_task_message',            'p_run_id uuid, p_step_slug text, p_task_index integer', 'void'),
  ('set_vt_batch',                     'queue_name text, msg_ids bigint[], vt_offsets integer[]', 'TABLE(msg_id bigint, read_ct integer, enqueued_at timestamp with time zone, vt timestamp with time zone, message jsonb, headers jsonb)'),
  ('poll_for_tasks',                   'queue_name text, vt integer, qty integer, max_poll_seconds integer DEFAULT 5, poll_interval_ms integer DEFAULT 100', 'SETOF pgflow.step_task_record'),
  ('track_worker_function',            'function_name text', 'void'),
  ('mark_worker_stopped',              'worker_id uuid', 'void'),
  ('ensure_workers',                   '', 'TABLE(function_name text, invoked boolean, request_id bigint)'),
  ('cleanup_ensure_workers_logs',      'retention_hours integer DEFAULT 24', 'TABLE(cron_deleted bigint)'),
  ('setup_ensure_workers_cron',        'cron_interval text DEFAULT ''1 second''::text', 'text'),
  ('requeue_stalled_tasks',            '', 'integer'),
  ('setup_requeue_stalled_tasks_cron', 'cron_interval text DEFAULT ''15 seconds''::text', 'text');

select is((select count(*)::int from expected_signature), 31, 'the spec lists 31 pgflow functions');

-- One assertion per function. string_agg makes a second overload show up as a difference.
select is(
  (select string_agg(format('(%s) -> %s', pg_get_function_arguments(p.oid), pg_get_function_result(p.oid)), ' | ')
     from pg_proc p
    where p.pronamespace = 'pgflow'::regnamespace and p.proname = e.fname),
  format('(%s) -> %s', e.args, e.result),
  format('pgflow.%s: exactly one function with the spec parameters, defaults and return type', e.fname)
)
from expected_signature e
order by e.ord;

-- Our additive public functions (not in the spec) are allowed; they are listed for the record.
select diag('additive (non-spec) public functions in pgflow: ' || coalesce(string_agg(p.oid::regprocedure::text, ', ' order by p.proname), 'none'))
  from pg_proc p
 where p.pronamespace = 'pgflow'::regnamespace
   and p.proname not in (select fname from expected_signature)
   and not starts_with(p.proname, '_');

select * from finish();
rollback;
