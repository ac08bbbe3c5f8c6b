-- pgflow definitions: flows, steps, flow shapes and startup compilation.
-- Contract: pgflow 0.14.1 (pgflow-sql.md §2, §8.1-§8.6, §9.9). Signatures, parameter names,
-- return types and the upstream error texts are kept exactly; the upstream defects 8, 9, 10,
-- 19 and 21 are fixed as described next to each function. Every function pins
-- search_path = '' and qualifies every name; plpgsql bodies use `#variable_conflict use_column`
-- and write parameters qualified by their function's name.
--
-- Definition lock: every change to a flow's definition runs under the transaction-level
-- advisory lock (1, hashtext(<flow slug>)), the key upstream's ensure_flow_compiled uses;
-- create_flow takes the key of the lower-cased slug instead, so that two slugs differing only
-- in case (which share one pgmq table) cannot be created concurrently. Advisory locks are
-- re-entrant within a transaction, so nesting (ensure_flow_compiled -> create_flow -> add_step)
-- is safe.

-- ---------------------------------------------------------------------------------------------
-- Small pure helpers
-- ---------------------------------------------------------------------------------------------

-- True when the database runs under the local Supabase CLI, recognised by its fixed JWT secret
-- (pgflow-sql.md §8.1). Drives ensure_flow_compiled's automatic recompile.
create or replace function pgflow.is_local()
returns boolean
language sql
stable
parallel safe
set search_path = ''
as $$
  select coalesce(
    current_setting('app.settings.jwt_secret', true)
      = 'super-secret-jwt-token-with-at-least-32-characters-long',
    false
  );
$$;

-- Seconds before a failed task is retried: floor(base_delay * 2^attempts_count).
-- In the normal range this is upstream's exact arithmetic (double precision), so every value
-- upstream returns is returned unchanged. Defect 8: the result is clamped to 2147483647
-- seconds (2^31 - 1, the largest integer, about 68 years) instead of overflowing, so fail_task
-- never raises. Other inputs: NULL in -> NULL out; base_delay <= 0 -> 0 (retry at once);
-- a negative attempts_count follows the same formula (a fraction of base_delay).
-- The log2 guards keep double precision away from overflow/underflow; bases outside
-- +-1e290 (not reachable from fail_task, whose base is an integer) are computed in numeric.
create or replace function pgflow.calculate_retry_delay(base_delay numeric, attempts_count integer)
returns integer
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case
    when base_delay is null or attempts_count is null then null
    when base_delay <= 0 then 0
    when log(2, base_delay) + attempts_count >= 31 then 2147483647
    when log(2, base_delay) + attempts_count < -1 then 0
    else least(
      floor(
        case
          when base_delay between 1e-290 and 1e290
            then base_delay::double precision * power(2::double precision, attempts_count::double precision)
          when attempts_count >= 0 then (base_delay * power(2::numeric, attempts_count))::double precision
          else (base_delay / power(2::numeric, -attempts_count))::double precision
        end
      ),
      2147483647
    )::integer
  end;
$$;

-- ---------------------------------------------------------------------------------------------
-- create_flow
-- ---------------------------------------------------------------------------------------------

-- The checks create_flow cannot express in plain SQL (it stays `language sql`, as upstream).
-- For an existing flow: nothing to validate; raise a NOTICE when the requested options differ
-- from the stored ones (defect 10: drift is reported, but the first definition still wins).
-- For a new, otherwise valid slug (defect 21): reject more than 47 characters (pgmq's queue
-- name limit) and a slug that differs only in case from an existing flow or pgmq queue
-- (pgmq lower-cases table names, so both would share one table). Invalid slugs are left to
-- the flows CHECK constraint, so they still fail with `slug_is_valid` as upstream.
create or replace function pgflow._check_flow_definition(
  flow_slug text,
  max_attempts integer,
  base_delay integer,
  timeout integer
)
returns void
language plpgsql
volatile
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_slug text := _check_flow_definition.flow_slug;
  -- create_flow's defaults for NULL options (pgflow-sql.md §2.2).
  v_max_attempts integer := coalesce(_check_flow_definition.max_attempts, 3);
  v_base_delay integer := coalesce(_check_flow_definition.base_delay, 5);
  v_timeout integer := coalesce(_check_flow_definition.timeout, 60);
  v_flow pgflow.flows;
  v_drift text[];
  v_other text;
begin
  perform pg_advisory_xact_lock(1, hashtext(lower(v_slug)));

  select * into v_flow from pgflow.flows as f where f.flow_slug = v_slug;
  if found then
    v_drift := array_remove(array[
      case when v_flow.opt_max_attempts <> v_max_attempts
        then format('max_attempts %s vs %s', v_flow.opt_max_attempts, v_max_attempts) end,
      case when v_flow.opt_base_delay <> v_base_delay
        then format('base_delay %s vs %s', v_flow.opt_base_delay, v_base_delay) end,
      case when v_flow.opt_timeout <> v_timeout
        then format('timeout %s vs %s', v_flow.opt_timeout, v_timeout) end
    ], null);
    if cardinality(v_drift) > 0 then
      raise notice '%', format(
        'Flow "%s" already exists, so create_flow kept its options (first definition wins): %s (stored vs given). '
        'To change them, update pgflow.flows, or delete the flow with pgflow.delete_flow_and_data(%L) '
        'and create it again.',
        v_slug, array_to_string(v_drift, ', '), v_slug);
    end if;
    return;
  end if;

  if not pgflow.is_valid_slug(v_slug) then
    return;
  end if;

  if length(v_slug) > 47 then
    raise exception using
      errcode = 'invalid_parameter_value',
      message = format(
        'Flow slug "%s" is too long (%s characters): pgmq queue names allow at most 47 characters '
        'and the queue is named after the flow. Choose a slug of at most 47 characters.',
        v_slug, length(v_slug));
  end if;

  select f.flow_slug into v_other
    from pgflow.flows as f
   where lower(f.flow_slug) = lower(v_slug)
   order by f.flow_slug
   limit 1;
  if found then
    raise exception using
      errcode = 'duplicate_object',
      message = format(
        'Flow slug "%s" differs only in letter case from the existing flow "%s": pgmq lower-cases '
        'queue table names, so both would share pgmq.q_%s. Use "%s" or choose a different slug.',
        v_slug, v_other, lower(v_slug), v_other);
  end if;

  select q.queue_name into v_other
    from pgmq.list_queues() as q
   where lower(q.queue_name) = lower(v_slug) and q.queue_name <> v_slug
   order by q.queue_name
   limit 1;
  if found then
    raise exception using
      errcode = 'duplicate_object',
      message = format(
        'Flow slug "%s" differs only in letter case from the existing pgmq queue "%s": pgmq lower-cases '
        'queue table names, so both would share pgmq.q_%s. Choose a different slug.',
        v_slug, v_other, lower(v_slug));
  end if;
end;
$$;

-- Defines a flow and its pgmq queue (pgflow-sql.md §8.4). Idempotent: an existing flow is
-- returned unchanged, whatever options are passed (first definition wins, §9.9; a NOTICE
-- names the ignored options). NULL options mean the defaults 3 / 5 / 60.
create or replace function pgflow.create_flow(
  flow_slug text,
  max_attempts integer default null,
  base_delay integer default null,
  timeout integer default null
)
returns pgflow.flows
language sql
volatile
set search_path = ''
as $$
  select pgflow._check_flow_definition(
    create_flow.flow_slug, create_flow.max_attempts, create_flow.base_delay, create_flow.timeout);

  insert into pgflow.flows (flow_slug, opt_max_attempts, opt_base_delay, opt_timeout)
  values (
    create_flow.flow_slug,
    coalesce(create_flow.max_attempts, 3),
    coalesce(create_flow.base_delay, 5),
    coalesce(create_flow.timeout, 60)
  )
  on conflict on constraint flows_pkey do nothing;

  select pgmq.create(create_flow.flow_slug)
   where not exists (select 1 from pgmq.list_queues() as q where q.queue_name = create_flow.flow_slug);

  select f.* from pgflow.flows as f where f.flow_slug = create_flow.flow_slug;
$$;

-- ---------------------------------------------------------------------------------------------
-- add_step
-- ---------------------------------------------------------------------------------------------

-- Adds a step to a flow (pgflow-sql.md §8.5).
-- Re-adding an existing step (defects 9 and 10, reconciled with §9.9 "first definition wins"):
--   * identical definition (same set of deps, step_type, patterns, when_unmet, when_exhausted):
--     the existing row is returned unchanged; nothing is written;
--   * only options differ (max_attempts, base_delay, timeout, start_delay): the existing row is
--     returned unchanged, as upstream (its tests pin that options are never updated), and a
--     NOTICE names the ignored options;
--   * anything else differs: raise, naming each difference, instead of silently keeping the old
--     definition (upstream inserted the extra deps rows and left deps_count stale).
-- deps_slugs is de-duplicated (first occurrence order), so deps_count always equals the number
-- of deps rows; a map step's "at most one dependency" counts distinct deps.
create or replace function pgflow.add_step(
  flow_slug text,
  step_slug text,
  deps_slugs text[] default '{}',
  max_attempts integer default null,
  base_delay integer default null,
  timeout integer default null,
  start_delay integer default null,
  step_type text default 'single',
  required_input_pattern jsonb default null,
  forbidden_input_pattern jsonb default null,
  when_unmet text default 'skip',
  when_exhausted text default 'fail'
)
returns pgflow.steps
language plpgsql
volatile
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_flow text := add_step.flow_slug;
  v_slug text := add_step.step_slug;
  v_type text := coalesce(add_step.step_type, 'single');
  v_deps text[];
  v_step pgflow.steps;
  v_stored_deps text;
  v_given_deps text;
  v_conflicts text[];
  v_drift text[];
  v_missing text[];
begin
  select coalesce(array_agg(d.slug order by d.first_pos), '{}')
    into v_deps
    from (
      select u.slug, min(u.pos) as first_pos
        from unnest(add_step.deps_slugs) with ordinality as u(slug, pos)
       group by u.slug
    ) as d;

  if v_type = 'map' and cardinality(v_deps) > 1 then
    raise exception 'Map step "%" can have at most one dependency, but % were provided: %',
      v_slug, cardinality(v_deps), array_to_string(v_deps, ', ');
  end if;

  perform pg_advisory_xact_lock(1, hashtext(v_flow));

  select * into v_step from pgflow.steps as s where s.flow_slug = v_flow and s.step_slug = v_slug;
  if found then
    select string_agg(d.dep_slug, ', ' order by d.dep_slug collate "C")
      into v_stored_deps
      from pgflow.deps as d
     where d.flow_slug = v_flow and d.step_slug = v_slug;
    select string_agg(g.slug, ', ' order by g.slug collate "C") into v_given_deps from unnest(v_deps) as g(slug);

    v_conflicts := array_remove(array[
      case when coalesce(v_stored_deps, '') <> coalesce(v_given_deps, '')
        then format('deps_slugs [%s] vs [%s]', v_stored_deps, v_given_deps) end,
      case when v_step.step_type is distinct from v_type
        then format('step_type %s vs %s', quote_nullable(v_step.step_type), quote_nullable(v_type)) end,
      case when v_step.required_input_pattern is distinct from add_step.required_input_pattern
        then format('required_input_pattern %s vs %s',
                    quote_nullable(v_step.required_input_pattern), quote_nullable(add_step.required_input_pattern)) end,
      case when v_step.forbidden_input_pattern is distinct from add_step.forbidden_input_pattern
        then format('forbidden_input_pattern %s vs %s', quote_nullable(v_step.forbidden_input_pattern),
                    quote_nullable(add_step.forbidden_input_pattern)) end,
      case when v_step.when_unmet is distinct from add_step.when_unmet
        then format('when_unmet %s vs %s', quote_nullable(v_step.when_unmet), quote_nullable(add_step.when_unmet)) end,
      case when v_step.when_exhausted is distinct from add_step.when_exhausted
        then format('when_exhausted %s vs %s',
                    quote_nullable(v_step.when_exhausted), quote_nullable(add_step.when_exhausted)) end
    ], null);

    if cardinality(v_conflicts) > 0 then
      raise exception using
        errcode = 'duplicate_object',
        message = format(
          'Step "%s" of flow "%s" is already defined differently: %s (stored vs given). A step cannot be '
          'changed in place: use a new step slug, or delete the flow with pgflow.delete_flow_and_data(%L) '
          'and define it again (ensure_flow_compiled does this when allowed to lose data).',
          v_slug, v_flow, array_to_string(v_conflicts, '; '), v_flow);
    end if;

    v_drift := array_remove(array[
      case when v_step.opt_max_attempts is distinct from add_step.max_attempts
        then format('max_attempts %s vs %s',
                    coalesce(v_step.opt_max_attempts::text, 'NULL'), coalesce(add_step.max_attempts::text, 'NULL')) end,
      case when v_step.opt_base_delay is distinct from add_step.base_delay
        then format('base_delay %s vs %s',
                    coalesce(v_step.opt_base_delay::text, 'NULL'), coalesce(add_step.base_delay::text, 'NULL')) end,
      case when v_step.opt_timeout is distinct from add_step.timeout
        then format('timeout %s vs %s',
                    coalesce(v_step.opt_timeout::text, 'NULL'), coalesce(add_step.timeout::text, 'NULL')) end,
      case when v_step.opt_start_delay is distinct from add_step.start_delay
        then format('start_delay %s vs %s',
                    coalesce(v_step.opt_start_delay::text, 'NULL'), coalesce(add_step.start_delay::text, 'NULL')) end
    ], null);
    if cardinality(v_drift) > 0 then
      raise notice '%', format(
        'Step "%s" of flow "%s" already exists, so add_step kept its options (first definition wins): %s '
        '(stored vs given). To change them, update pgflow.steps, or delete the flow with '
        'pgflow.delete_flow_and_data(%L) and define it again.',
        v_slug, v_flow, array_to_string(v_drift, ', '), v_flow);
    end if;

    return v_step;
  end if;

  -- The three errors below are upstream's constraint errors with their exact texts, SQLSTATEs
  -- and constraint names (§2.3), raised before anything is written, in upstream's order, with a
  -- DETAIL naming the flow, the step and the dependency, and a HINT naming the fix. The
  -- constraints still back them.
  if not exists (select from pgflow.flows as f where f.flow_slug = v_flow) then
    raise exception using
      errcode = 'foreign_key_violation',
      message = 'insert or update on table "steps" violates foreign key constraint "steps_flow_slug_fkey"',
      detail = format('Step "%s" cannot be added to flow "%s": the flow does not exist.', v_slug, v_flow),
      hint = format('Create the flow first: select pgflow.create_flow(%L);', v_flow),
      schema = 'pgflow', table = 'steps', constraint = 'steps_flow_slug_fkey';
  end if;

  if v_slug = any(v_deps) then
    raise exception using
      errcode = 'check_violation',
      message = 'new row for relation "deps" violates check constraint "deps_check"',
      detail = format('Step "%s" of flow "%s" lists itself as a dependency.', v_slug, v_flow),
      hint = format('Remove "%s" from deps_slugs: a step cannot depend on itself.', v_slug),
      schema = 'pgflow', table = 'deps', constraint = 'deps_check';
  end if;

  select array_agg(d.slug order by d.pos) into v_missing
    from unnest(v_deps) with ordinality as d(slug, pos)
   where not exists (select from pgflow.steps as s where s.flow_slug = v_flow and s.step_slug = d.slug);
  if v_missing is not null then
    raise exception using
      errcode = 'foreign_key_violation',
      message = 'insert or update on table "deps" violates foreign key constraint "deps_flow_slug_dep_slug_fkey"',
      detail = format('Step "%s" of flow "%s" depends on %s, which %s of flow "%s".',
                      v_slug, v_flow,
                      (select string_agg(format('"%s"', m.slug), ', ') from unnest(v_missing) as m(slug)),
                      case when cardinality(v_missing) = 1 then 'is not a step' else 'are not steps' end, v_flow),
      hint = 'Add each dependency to the same flow before the steps that depend on it '
             '(steps are added in dependency order).',
      schema = 'pgflow', table = 'deps', constraint = 'deps_flow_slug_dep_slug_fkey';
  end if;

  insert into pgflow.steps (
    flow_slug, step_slug, step_type, step_index, deps_count,
    opt_max_attempts, opt_base_delay, opt_timeout, opt_start_delay,
    required_input_pattern, forbidden_input_pattern, when_unmet, when_exhausted
  )
  select v_flow, v_slug, v_type, coalesce(max(s.step_index) + 1, 0), cardinality(v_deps),
         add_step.max_attempts, add_step.base_delay, add_step.timeout, add_step.start_delay,
         add_step.required_input_pattern, add_step.forbidden_input_pattern,
         add_step.when_unmet, add_step.when_exhausted
    from pgflow.steps as s
   where s.flow_slug = v_flow
  returning * into v_step;

  insert into pgflow.deps (flow_slug, dep_slug, step_slug)
  select v_flow, d.slug, v_slug
    from unnest(v_deps) with ordinality as d(slug, pos)
   order by d.pos;

  return v_step;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Flow shapes (pgflow-sql.md §8.6, TS FlowShape)
-- ---------------------------------------------------------------------------------------------

-- The stored definition as a FlowShape, exactly as upstream: steps by step_index, each with
-- slug, stepType, dependencies (sorted; [] if none), whenUnmet, whenExhausted and both patterns
-- wrapped as {"defined": false} / {"defined": true, "value": ...}. No options. An unknown flow
-- gives {"steps": []}. Dependencies sort by code point (collate "C"), which is JavaScript's
-- default sort, so the order does not depend on the database collation.
create or replace function pgflow._get_flow_shape(p_flow_slug text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object('steps', coalesce(jsonb_agg(
    jsonb_build_object(
      'slug', s.step_slug,
      'stepType', s.step_type,
      'dependencies', coalesce((
        select jsonb_agg(d.dep_slug order by d.dep_slug collate "C")
          from pgflow.deps as d
         where d.flow_slug = s.flow_slug and d.step_slug = s.step_slug
      ), '[]'::jsonb),
      'whenUnmet', s.when_unmet,
      'whenExhausted', s.when_exhausted,
      'requiredInputPattern', case
        when s.required_input_pattern is null then '{"defined": false}'::jsonb
        else jsonb_build_object('defined', true, 'value', s.required_input_pattern)
      end,
      'forbiddenInputPattern', case
        when s.forbidden_input_pattern is null then '{"defined": false}'::jsonb
        else jsonb_build_object('defined', true, 'value', s.forbidden_input_pattern)
      end
    ) order by s.step_index
  ), '[]'::jsonb))
  from pgflow.steps as s
  where s.flow_slug = p_flow_slug;
$$;

-- _get_flow_shape plus the stored options, in the shape's own form: flow `options` with all
-- three keys, and on every step an `options` object with its non-NULL options ({} = inherit).
-- Only ensure_flow_compiled uses it, to report option drift (defect 10).
create or replace function pgflow._get_flow_shape_with_options(p_flow_slug text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'options', (
      select jsonb_build_object('maxAttempts', f.opt_max_attempts, 'baseDelay', f.opt_base_delay,
                                'timeout', f.opt_timeout)
        from pgflow.flows as f
       where f.flow_slug = p_flow_slug
    ),
    'steps', (
      select coalesce(jsonb_agg(
        e.step || jsonb_build_object('options', jsonb_strip_nulls(jsonb_build_object(
          'maxAttempts', s.opt_max_attempts, 'baseDelay', s.opt_base_delay,
          'timeout', s.opt_timeout, 'startDelay', s.opt_start_delay)))
        order by e.pos
      ), '[]'::jsonb)
        from jsonb_array_elements(pgflow._get_flow_shape(p_flow_slug) -> 'steps') with ordinality as e(step, pos)
        join pgflow.steps as s on s.flow_slug = p_flow_slug and s.step_slug = e.step ->> 'slug'
    )
  );
$$;

-- A local shape with its options made explicit, as create_flow/add_step would store them: flow
-- options filled with create_flow's defaults 3 / 5 / 60, and every step object given an
-- `options` object (JSON nulls dropped; {} = inherit). Pairs with _get_flow_shape_with_options.
create or replace function pgflow._shape_with_default_options(p_shape jsonb)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  with flow_options as (
    select case when jsonb_typeof(p_shape -> 'options') = 'object'
                then jsonb_strip_nulls(p_shape -> 'options') else '{}'::jsonb end as o
  )
  select coalesce(p_shape, '{}'::jsonb) || jsonb_build_object(
    'options', (
      select jsonb_build_object(
        'maxAttempts', coalesce(fo.o -> 'maxAttempts', '3'::jsonb),
        'baseDelay', coalesce(fo.o -> 'baseDelay', '5'::jsonb),
        'timeout', coalesce(fo.o -> 'timeout', '60'::jsonb))
        from flow_options as fo
    ),
    'steps', case
      when jsonb_typeof(p_shape -> 'steps') = 'array' then (
        select coalesce(jsonb_agg(
          case when jsonb_typeof(e.step) = 'object'
            then e.step || jsonb_build_object('options', case
              when jsonb_typeof(e.step -> 'options') = 'object' then jsonb_strip_nulls(e.step -> 'options')
              else '{}'::jsonb end)
            else e.step
          end
          order by e.pos
        ), '[]'::jsonb)
          from jsonb_array_elements(p_shape -> 'steps') with ordinality as e(step, pos)
      )
      else '[]'::jsonb
    end
  );
$$;

-- Differences between two shapes, positional, with upstream's exact strings (pgflow-sql.md
-- §8.6); '{}' when they match. Defect 10: every key is compared with IS DISTINCT FROM, so a
-- key missing on one side is a difference (rendered as ''); dependencies compare as the sorted
-- list joined with ', ', where a missing list equals []. Option drift is reported only when
-- both sides carry `options` objects (the database shape of _get_flow_shape carries none):
--   `Step at index %s: option <key> differs '%s' vs '%s'`  (maxAttempts, baseDelay, timeout, startDelay)
--   `Flow option <key> differs '%s' vs '%s'`              (maxAttempts, baseDelay, timeout; listed last)
create or replace function pgflow._compare_flow_shapes(p_local jsonb, p_db jsonb)
returns text[]
language plpgsql
stable
set search_path = ''
as $$
declare
  v_local_steps jsonb := case when jsonb_typeof(p_local -> 'steps') = 'array' then p_local -> 'steps' else '[]' end;
  v_db_steps jsonb := case when jsonb_typeof(p_db -> 'steps') = 'array' then p_db -> 'steps' else '[]' end;
  v_local_count integer := jsonb_array_length(v_local_steps);
  v_db_count integer := jsonb_array_length(v_db_steps);
  v_differences text[] := '{}';
  v_local jsonb;
  v_db jsonb;
  v_local_deps text;
  v_db_deps text;
  v_key text;
  v_i integer;
begin
  if v_local_count <> v_db_count then
    v_differences := v_differences || format('Step count differs: %s vs %s', v_local_count, v_db_count);
  end if;

  for v_i in 0 .. greatest(v_local_count, v_db_count) - 1 loop
    v_local := v_local_steps -> v_i;
    v_db := v_db_steps -> v_i;

    if v_local is null then
      v_differences := v_differences
        || format('Step at index %s: missing in first shape (second has ''%s'')', v_i, v_db ->> 'slug');
      continue;
    end if;
    if v_db is null then
      v_differences := v_differences
        || format('Step at index %s: missing in second shape (first has ''%s'')', v_i, v_local ->> 'slug');
      continue;
    end if;

    if (v_local ->> 'slug') is distinct from (v_db ->> 'slug') then
      v_differences := v_differences
        || format('Step at index %s: slug differs ''%s'' vs ''%s''', v_i, v_local ->> 'slug', v_db ->> 'slug');
    end if;
    if (v_local ->> 'stepType') is distinct from (v_db ->> 'stepType') then
      v_differences := v_differences
        || format('Step at index %s: type differs ''%s'' vs ''%s''', v_i, v_local ->> 'stepType', v_db ->> 'stepType');
    end if;

    select coalesce(string_agg(x, ', ' order by x collate "C"), '') into v_local_deps
      from jsonb_array_elements_text(case when jsonb_typeof(v_local -> 'dependencies') = 'array'
                                          then v_local -> 'dependencies' else '[]' end) as x;
    select coalesce(string_agg(x, ', ' order by x collate "C"), '') into v_db_deps
      from jsonb_array_elements_text(case when jsonb_typeof(v_db -> 'dependencies') = 'array'
                                          then v_db -> 'dependencies' else '[]' end) as x;
    if v_local_deps <> v_db_deps then
      v_differences := v_differences
        || format('Step at index %s: dependencies differ [%s] vs [%s]', v_i, v_local_deps, v_db_deps);
    end if;

    if (v_local ->> 'whenUnmet') is distinct from (v_db ->> 'whenUnmet') then
      v_differences := v_differences
        || format('Step at index %s: whenUnmet differs ''%s'' vs ''%s''',
                  v_i, v_local ->> 'whenUnmet', v_db ->> 'whenUnmet');
    end if;
    if (v_local ->> 'whenExhausted') is distinct from (v_db ->> 'whenExhausted') then
      v_differences := v_differences
        || format('Step at index %s: whenExhausted differs ''%s'' vs ''%s''',
                  v_i, v_local ->> 'whenExhausted', v_db ->> 'whenExhausted');
    end if;
    if (v_local -> 'requiredInputPattern') is distinct from (v_db -> 'requiredInputPattern') then
      v_differences := v_differences
        || format('Step at index %s: requiredInputPattern differs ''%s'' vs ''%s''',
                  v_i, v_local -> 'requiredInputPattern', v_db -> 'requiredInputPattern');
    end if;
    if (v_local -> 'forbiddenInputPattern') is distinct from (v_db -> 'forbiddenInputPattern') then
      v_differences := v_differences
        || format('Step at index %s: forbiddenInputPattern differs ''%s'' vs ''%s''',
                  v_i, v_local -> 'forbiddenInputPattern', v_db -> 'forbiddenInputPattern');
    end if;

    if jsonb_typeof(v_local -> 'options') = 'object' and jsonb_typeof(v_db -> 'options') = 'object' then
      foreach v_key in array array['maxAttempts', 'baseDelay', 'timeout', 'startDelay'] loop
        if nullif(v_local -> 'options' -> v_key, 'null')
             is distinct from nullif(v_db -> 'options' -> v_key, 'null') then
          v_differences := v_differences
            || format('Step at index %s: option %s differs ''%s'' vs ''%s''',
                      v_i, v_key, v_local -> 'options' ->> v_key, v_db -> 'options' ->> v_key);
        end if;
      end loop;
    end if;
  end loop;

  if jsonb_typeof(p_local -> 'options') = 'object' and jsonb_typeof(p_db -> 'options') = 'object' then
    foreach v_key in array array['maxAttempts', 'baseDelay', 'timeout'] loop
      if nullif(p_local -> 'options' -> v_key, 'null') is distinct from nullif(p_db -> 'options' -> v_key, 'null') then
        v_differences := v_differences
          || format('Flow option %s differs ''%s'' vs ''%s''',
                    v_key, p_local -> 'options' ->> v_key, p_db -> 'options' ->> v_key);
      end if;
    end loop;
  end if;

  return v_differences;
end;
$$;

-- Rejects a shape that is not a FlowShape (pgflow-sql.md §8.6), before anything is written, with
-- SQLSTATE 22023 and a message `Invalid shape for flow "<slug>": <what is wrong>` naming the key,
-- the step (`step "<slug>" (steps[<i>])`, 0-based) and the bad value. Keys the spec lets a shape
-- omit stay optional (stepType, dependencies, whenUnmet, whenExhausted, both patterns, options);
-- `steps` is required ([] for a flow without steps). Dependencies must name steps of the shape
-- listed earlier: a self-dependency, an unknown step, a cycle (named as a path) and a
-- dependency listed after its dependent are each reported. Option values are left to
-- _create_flow_from_shape's integer casts, as upstream.
create or replace function pgflow._validate_flow_shape(p_flow_slug text, p_shape jsonb)
returns void
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_prefix text := format('Invalid shape for flow "%s": ', p_flow_slug);
  v_modes constant text[] := array['fail', 'skip', 'skip-cascade'];
  v_step jsonb;
  v_i integer;
  v_slug text;
  v_where text;
  v_slugs text[] := '{}';
  v_deps jsonb := '{}';
  v_dep jsonb;
  v_dep_slug text;
  v_key text;
  v_pos integer;
  v_remaining text[];
  v_ready text[];
  v_path text[];
  v_current text;
begin
  if p_shape is null then
    raise exception using errcode = 'invalid_parameter_value',
      message = v_prefix || 'the shape is NULL; expected an object {"steps": [...]}';
  end if;
  if jsonb_typeof(p_shape) <> 'object' then
    raise exception using errcode = 'invalid_parameter_value',
      message = v_prefix || format('the shape must be an object {"steps": [...]}, got %s %s',
                                   jsonb_typeof(p_shape), left(p_shape::text, 100));
  end if;
  if not p_shape ? 'steps' then
    raise exception using errcode = 'invalid_parameter_value',
      message = v_prefix || format('"steps" is missing (keys given: %s); expected {"steps": [...]}, '
                                   'with [] for a flow without steps',
                                   coalesce((select string_agg(k, ', ' order by k) from jsonb_object_keys(p_shape) as k), 'none'));
  end if;
  if jsonb_typeof(p_shape -> 'steps') <> 'array' then
    raise exception using errcode = 'invalid_parameter_value',
      message = v_prefix || format('"steps" must be an array, got %s %s',
                                   jsonb_typeof(p_shape -> 'steps'), left((p_shape -> 'steps')::text, 100));
  end if;
  if p_shape ? 'options' and jsonb_typeof(p_shape -> 'options') <> 'object' then
    raise exception using errcode = 'invalid_parameter_value',
      message = v_prefix || format('"options" must be an object, got %s', left((p_shape -> 'options')::text, 100));
  end if;

  for v_step, v_i in
    select e.step, (e.pos - 1)::integer from jsonb_array_elements(p_shape -> 'steps') with ordinality as e(step, pos)
     order by e.pos
  loop
    if jsonb_typeof(v_step) <> 'object' then
      raise exception using errcode = 'invalid_parameter_value',
        message = v_prefix || format('steps[%s] must be an object, got %s', v_i, left(v_step::text, 100));
    end if;
    if not v_step ? 'slug' then
      raise exception using errcode = 'invalid_parameter_value',
        message = v_prefix || format('steps[%s] has no "slug"', v_i);
    end if;
    if jsonb_typeof(v_step -> 'slug') <> 'string' then
      raise exception using errcode = 'invalid_parameter_value',
        message = v_prefix || format('steps[%s].slug must be a string, got %s', v_i, left((v_step -> 'slug')::text, 100));
    end if;
    v_slug := v_step ->> 'slug';
    v_where := format('step "%s" (steps[%s])', v_slug, v_i);
    v_pos := array_position(v_slugs, v_slug);
    if v_pos is not null then
      raise exception using errcode = 'invalid_parameter_value',
        message = v_prefix || format('%s repeats the slug of steps[%s]', v_where, v_pos - 1);
    end if;
    if v_step ? 'stepType' and (v_step -> 'stepType') not in ('"single"', '"map"') then
      raise exception using errcode = 'invalid_parameter_value',
        message = v_prefix || format('%s: stepType must be "single" or "map", got %s', v_where, left((v_step -> 'stepType')::text, 100));
    end if;
    foreach v_key in array array['whenUnmet', 'whenExhausted'] loop
      if v_step ? v_key and (jsonb_typeof(v_step -> v_key) <> 'string' or not (v_step ->> v_key) = any(v_modes)) then
        raise exception using errcode = 'invalid_parameter_value',
          message = v_prefix || format('%s: %s must be "fail", "skip" or "skip-cascade", got %s',
                                       v_where, v_key, left((v_step -> v_key)::text, 100));
      end if;
    end loop;
    foreach v_key in array array['requiredInputPattern', 'forbiddenInputPattern'] loop
      if v_step ? v_key and (
           jsonb_typeof(v_step -> v_key) <> 'object'
           or jsonb_typeof(v_step -> v_key -> 'defined') is distinct from 'boolean'
           or ((v_step -> v_key ->> 'defined')::boolean
               and jsonb_typeof(v_step -> v_key -> 'value') is distinct from 'object')) then
        raise exception using errcode = 'invalid_parameter_value',
          message = v_prefix || format('%s: %s must be {"defined": false} or {"defined": true, "value": {...}}, got %s',
                                       v_where, v_key, left((v_step -> v_key)::text, 100));
      end if;
    end loop;
    if v_step ? 'options' and jsonb_typeof(v_step -> 'options') <> 'object' then
      raise exception using errcode = 'invalid_parameter_value',
        message = v_prefix || format('%s: options must be an object, got %s', v_where, left((v_step -> 'options')::text, 100));
    end if;
    if v_step ? 'dependencies' then
      if jsonb_typeof(v_step -> 'dependencies') <> 'array' then
        raise exception using errcode = 'invalid_parameter_value',
          message = v_prefix || format('%s: dependencies must be an array of step slugs, got %s',
                                       v_where, left((v_step -> 'dependencies')::text, 100));
      end if;
      for v_dep in select d from jsonb_array_elements(v_step -> 'dependencies') as d loop
        if jsonb_typeof(v_dep) <> 'string' then
          raise exception using errcode = 'invalid_parameter_value',
            message = v_prefix || format('%s: dependencies must be step slugs (strings), got %s',
                                         v_where, left(v_dep::text, 100));
        end if;
        if v_dep #>> '{}' = v_slug then
          raise exception using errcode = 'invalid_parameter_value',
            message = v_prefix || format('%s depends on itself', v_where);
        end if;
      end loop;
    end if;
    v_slugs := v_slugs || v_slug;
    v_deps := v_deps || jsonb_build_object(v_slug, coalesce(v_step -> 'dependencies', '[]'));
  end loop;

  -- Unknown dependencies, then cycles, then dependencies listed after their dependent.
  for v_i in 1 .. cardinality(v_slugs) loop
    for v_dep_slug in select jsonb_array_elements_text(v_deps -> v_slugs[v_i]) loop
      v_pos := array_position(v_slugs, v_dep_slug);
      if v_pos is null then
        raise exception using errcode = 'invalid_parameter_value',
          message = v_prefix || format('step "%s" (steps[%s]) depends on "%s", which is not a step of the shape',
                                       v_slugs[v_i], v_i - 1, v_dep_slug);
      end if;
    end loop;
  end loop;

  v_remaining := v_slugs;
  loop
    select coalesce(array_agg(r.slug), '{}') into v_ready
      from unnest(v_remaining) as r(slug)
     where not exists (select from jsonb_array_elements_text(v_deps -> r.slug) as d(slug)
                        where d.slug = any(v_remaining));
    exit when cardinality(v_ready) = 0;
    v_remaining := array(select r.slug from unnest(v_remaining) with ordinality as r(slug, pos)
                          where not r.slug = any(v_ready) order by r.pos);
  end loop;
  if cardinality(v_remaining) > 0 then
    -- Every remaining step has a remaining dependency: follow them until a step repeats.
    v_current := v_remaining[1];
    v_path := '{}';
    while not v_current = any(v_path) loop
      v_path := v_path || v_current;
      select d.slug into v_current
        from jsonb_array_elements_text(v_deps -> v_current) with ordinality as d(slug, pos)
       where d.slug = any(v_remaining)
       order by d.pos limit 1;
    end loop;
    v_path := v_path[array_position(v_path, v_current):] || v_current;
    raise exception using errcode = 'invalid_parameter_value',
      message = v_prefix || format('the dependencies form a cycle: %s (each step depends on the next)',
                                   array_to_string(v_path, ' -> '));
  end if;

  for v_i in 1 .. cardinality(v_slugs) loop
    for v_dep_slug in select jsonb_array_elements_text(v_deps -> v_slugs[v_i]) loop
      v_pos := array_position(v_slugs, v_dep_slug);
      if v_pos > v_i then
        raise exception using errcode = 'invalid_parameter_value',
          message = v_prefix || format('step "%s" (steps[%s]) depends on "%s", which comes later (steps[%s]): '
                                       'list each step after its dependencies', v_slugs[v_i], v_i - 1, v_dep_slug, v_pos - 1);
      end if;
    end loop;
  end loop;
end;
$$;

-- Defines a flow from a shape: create_flow with the flow options, then add_step for each step
-- in array order (pgflow-sql.md §8.6). A malformed shape is rejected first (_validate_flow_shape),
-- so nothing is created. Missing condition modes default to skip / fail;
-- a pattern is stored only when its wrapper says "defined": true.
create or replace function pgflow._create_flow_from_shape(p_flow_slug text, p_shape jsonb)
returns void
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_step jsonb;
begin
  perform pgflow._validate_flow_shape(p_flow_slug, p_shape);
  perform pgflow.create_flow(
    p_flow_slug,
    (p_shape -> 'options' ->> 'maxAttempts')::integer,
    (p_shape -> 'options' ->> 'baseDelay')::integer,
    (p_shape -> 'options' ->> 'timeout')::integer
  );

  for v_step in
    select e.step from jsonb_array_elements(coalesce(p_shape -> 'steps', '[]')) with ordinality as e(step, pos)
     order by e.pos
  loop
    perform pgflow.add_step(
      flow_slug => p_flow_slug,
      step_slug => v_step ->> 'slug',
      deps_slugs => coalesce(
        (select array_agg(d.slug order by d.pos)
           from jsonb_array_elements_text(v_step -> 'dependencies') with ordinality as d(slug, pos)),
        '{}'),
      max_attempts => (v_step -> 'options' ->> 'maxAttempts')::integer,
      base_delay => (v_step -> 'options' ->> 'baseDelay')::integer,
      timeout => (v_step -> 'options' ->> 'timeout')::integer,
      start_delay => (v_step -> 'options' ->> 'startDelay')::integer,
      step_type => v_step ->> 'stepType',
      required_input_pattern => case when (v_step -> 'requiredInputPattern' ->> 'defined')::boolean
                                     then v_step -> 'requiredInputPattern' -> 'value' end,
      forbidden_input_pattern => case when (v_step -> 'forbiddenInputPattern' ->> 'defined')::boolean
                                      then v_step -> 'forbiddenInputPattern' -> 'value' end,
      when_unmet => coalesce(v_step ->> 'whenUnmet', 'skip'),
      when_exhausted => coalesce(v_step ->> 'whenExhausted', 'fail')
    );
  end loop;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Startup compilation and deletion
-- ---------------------------------------------------------------------------------------------

-- Makes the stored flow match a worker's shape (pgflow-sql.md §8.6). Returns
-- {"status": "compiled" | "verified" | "recompiled" | "mismatch", "differences": [...]}:
--   compiled    the flow did not exist and was created from the shape;
--   verified    nothing differs;
--   recompiled  something differs and is_local() or allow_data_loss: the flow and all its data
--               were deleted and the flow was created again from the shape;
--   mismatch    the structure differs (steps, deps, types, modes, patterns); nothing changed.
-- Option drift (defect 10): the shape's options (flow defaults 3 / 5 / 60 when absent, step
-- options absent = inherit) are compared with the stored ones and reported with the
-- `option ... differs` strings of _compare_flow_shapes. Options alone never make a mismatch:
-- without local mode or allow_data_loss the status stays `verified` and the option
-- differences are listed, because the first definition wins and operators tune options with
-- UPDATE (§9.9, TS §2.9). `differences` is otherwise empty for compiled and verified.
-- A malformed shape (not an object, no `steps` array, a step without slug, a bad stepType, an
-- unknown, cyclic or later-listed dependency, ...) raises before anything is read or written
-- (_validate_flow_shape), instead of compiling a flow without steps or failing inside add_step.
create or replace function pgflow.ensure_flow_compiled(
  flow_slug text,
  shape jsonb,
  allow_data_loss boolean default false
)
returns jsonb
language plpgsql
volatile
set search_path = ''
as $$
#variable_conflict use_column
declare
  v_flow text := ensure_flow_compiled.flow_slug;
  v_structural text[];
  v_differences text[];
begin
  perform pgflow._validate_flow_shape(v_flow, ensure_flow_compiled.shape);
  perform pg_advisory_xact_lock(1, hashtext(v_flow));

  if not exists (select 1 from pgflow.flows as f where f.flow_slug = v_flow) then
    perform pgflow._create_flow_from_shape(v_flow, ensure_flow_compiled.shape);
    return jsonb_build_object('status', 'compiled', 'differences', '[]'::jsonb);
  end if;

  v_structural := pgflow._compare_flow_shapes(ensure_flow_compiled.shape, pgflow._get_flow_shape(v_flow));
  v_differences := pgflow._compare_flow_shapes(
    pgflow._shape_with_default_options(ensure_flow_compiled.shape),
    pgflow._get_flow_shape_with_options(v_flow)
  );

  if cardinality(v_differences) = 0 then
    return jsonb_build_object('status', 'verified', 'differences', '[]'::jsonb);
  end if;

  if pgflow.is_local() or coalesce(ensure_flow_compiled.allow_data_loss, false) then
    perform pgflow.delete_flow_and_data(v_flow);
    perform pgflow._create_flow_from_shape(v_flow, ensure_flow_compiled.shape);
    return jsonb_build_object('status', 'recompiled', 'differences', to_jsonb(v_differences));
  end if;

  if cardinality(v_structural) > 0 then
    return jsonb_build_object('status', 'mismatch', 'differences', to_jsonb(v_differences));
  end if;

  return jsonb_build_object('status', 'verified', 'differences', to_jsonb(v_differences));
end;
$$;

-- Deletes a flow, everything it ran, its pgmq queue and its workers rows (pgflow-sql.md §8.6).
-- Destructive; meant for development recompiles and cleanup. Defect 19: the queue is dropped
-- only when pgmq lists it, so a half-created flow can be cleaned, and the flow's workers rows
-- (queue_name = flow slug) are removed too. Rows go bottom-up because no FK cascades (§4.9).
-- A worker still running for the flow loses its row: its next start_tasks fails on
-- step_tasks_last_worker_id_fkey, so it cannot run tasks of the new definition.
create or replace function pgflow.delete_flow_and_data(p_flow_slug text)
returns void
language plpgsql
volatile
set search_path = ''
as $$
begin
  if exists (select 1 from pgmq.list_queues() as q where q.queue_name = p_flow_slug) then
    perform pgmq.drop_queue(p_flow_slug);
  end if;

  delete from pgflow.step_tasks as t where t.flow_slug = p_flow_slug;
  delete from pgflow.step_states as ss where ss.flow_slug = p_flow_slug;
  delete from pgflow.runs as r where r.flow_slug = p_flow_slug;
  delete from pgflow.deps as d where d.flow_slug = p_flow_slug;
  delete from pgflow.steps as s where s.flow_slug = p_flow_slug;
  delete from pgflow.flows as f where f.flow_slug = p_flow_slug;
  delete from pgflow.workers as w where w.queue_name = p_flow_slug;
end;
$$;
