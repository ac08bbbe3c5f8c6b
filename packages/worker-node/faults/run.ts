/**
 * Fault-injection suite (issue 14): `npm run test:faults [-- --runs N] [-- --short]`.
 *
 * A steady load of runs (fault_flow: root step, map, final step; and fault_job) on 3 worker
 * processes (test/fixtures/worker.ts) while the driver SIGKILLs and restarts workers, terminates
 * their backends, SIGSTOPs one past its lease and resumes it, and (full form) restarts PostgreSQL
 * once. Then it checks, in its own database (dropped at the end):
 *   - every run completed with the right output;
 *   - no task reached 'completed' twice (a trigger on pgflow.step_tasks audits every transition);
 *   - no message left in the pgmq.q_* tables, no dead letter;
 *   - the redelivery delay after a SIGKILL (kill → next handler start of each task the killed
 *     worker held): p50 ≤ lease + 2 s, with lease = visibilityTimeout + 2 × heartbeatIntervalMs;
 *   - no task taken over from a worker that was alive (neither killed nor stopped);
 *   - no `started_at_is_after_queued_at` in the workers' output;
 * and prints a report (re-executions, redelivery p50/max, errors by kind, faults). Exit code 0
 * only when every check holds.
 *
 * Environment: DATABASE_URL names the server (its query string is kept); PGFLOW_FAULTS_PG_CLUSTER
 * ("15 main") is the cluster `pg_ctlcluster` restarts.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createWorkerTestDatabase, type WorkerTestDatabase } from '../test/helpers/database';
import { killAll, spawnWorker, type WorkerProcess } from '../test/helpers/worker-process';

const { values: args } = parseArgs({
  options: { runs: { type: 'string' }, short: { type: 'boolean', default: false } },
});
const SHORT = args.short === true;
const RUNS = Number(args.runs ?? (SHORT ? 150 : 1000));
if (!Number.isInteger(RUNS) || RUNS < 3) throw new Error(`--runs must be an integer ≥ 3`);
/** How long the load lasts: runs are started evenly over it. */
const LOAD_MS = SHORT ? 30_000 : Math.max(60_000, RUNS * 150);
const WORKERS = 3;
const WORKER_OPTIONS = {
  flows: ['fault_flow'],
  jobs: ['fault_job'],
  maxConcurrent: 10,
  visibilityTimeout: 2,
  heartbeatIntervalMs: 1000,
  // Off: only the lease (not the step timeout + 30 s sweep) may recover tasks.
  stalledCheckIntervalMs: 0,
};
const LEASE_MS = WORKER_OPTIONS.visibilityTimeout * 1000 + 2 * WORKER_OPTIONS.heartbeatIntervalMs;
const BOUND_MS = LEASE_MS + 2000;
const STOP_MS = LEASE_MS + 4000;
const DRAIN_MS = 180_000;
const PG_CLUSTER = (process.env.PGFLOW_FAULTS_PG_CLUSTER ?? '15 main').split(/\s+/);

type FaultKind = 'kill' | 'terminate' | 'stop' | 'pg-restart';
interface PlannedFault {
  atMs: number;
  kind: FaultKind;
  slot: number;
}

function plan(): PlannedFault[] {
  const at = (fraction: number) => Math.round(LOAD_MS * fraction);
  if (SHORT) {
    return [
      { atMs: at(0.15), kind: 'kill', slot: 0 },
      { atMs: at(0.3), kind: 'terminate', slot: 1 },
      { atMs: at(0.45), kind: 'stop', slot: 2 },
      { atMs: at(0.75), kind: 'kill', slot: 1 },
    ];
  }
  return [
    { atMs: at(0.06), kind: 'kill', slot: 0 },
    { atMs: at(0.13), kind: 'terminate', slot: 1 },
    { atMs: at(0.2), kind: 'kill', slot: 1 },
    { atMs: at(0.28), kind: 'stop', slot: 2 },
    { atMs: at(0.38), kind: 'kill', slot: 2 },
    { atMs: at(0.46), kind: 'terminate', slot: 0 },
    { atMs: at(0.52), kind: 'pg-restart', slot: 0 },
    { atMs: at(0.62), kind: 'kill', slot: 0 },
    { atMs: at(0.7), kind: 'stop', slot: 1 },
    { atMs: at(0.8), kind: 'terminate', slot: 2 },
    { atMs: at(0.86), kind: 'kill', slot: 1 },
    { atMs: at(0.94), kind: 'kill', slot: 2 },
  ];
}

interface Proc {
  slot: number;
  name: string;
  proc: WorkerProcess;
  workerIds: string[];
  /** Set before the driver kills it: its exit is expected. */
  killed: boolean;
  stoppedWindows: { from: number; to: number }[];
}

interface Injected {
  kind: FaultKind;
  worker?: string;
  atMs: number;
  detail: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string) =>
  console.log(`[faults ${((Date.now() - T0) / 1000).toFixed(1).padStart(6)} s] ${message}`);
const T0 = Date.now();

let db!: WorkerTestDatabase;
const procs: Proc[] = [];
const slots: Proc[] = [];
const injected: Injected[] = [];
const unexpectedExits: string[] = [];
/** Per SIGKILL: the DB time just before the kill and the tasks the worker held then. */
const kills: { atMs: number; worker: string; tasks: TaskKey[] }[] = [];
const stops: { worker: string; fromMs: number; toMs: number; tasks: TaskKey[] }[] = [];
const restarts: { fromMs: number; toMs: number }[] = [];
let generation = 0;
let loadDone = false;

interface TaskKey {
  run_id: string;
  step_slug: string;
  task_index: number;
}

async function dbNowMs(): Promise<number> {
  const [row] = await db.client.query<{ ms: number }>(
    'select (extract(epoch from clock_timestamp()) * 1000)::float8 as ms',
  );
  return Number(row?.ms);
}

async function heldTasks(workerIds: string[]): Promise<TaskKey[]> {
  return db.client.query<TaskKey>(
    `select run_id::text, step_slug, task_index from pgflow.step_tasks
      where status = 'started' and last_worker_id = any ($1::uuid[])`,
    [workerIds],
  );
}

async function spawnSlot(slot: number): Promise<Proc> {
  generation += 1;
  const name = `faults_w${slot}_${generation}`;
  const proc = spawnWorker(
    db.url,
    {
      ...WORKER_OPTIONS,
      functionName: name,
      // One notify worker (pushed tasks), two polling ones.
      signal: slot === 0 ? 'notify' : 'polling',
    },
    { PGAPPNAME: name },
  );
  const entry: Proc = { slot, name, proc, workerIds: [], killed: false, stoppedWindows: [] };
  procs.push(entry);
  slots[slot] = entry;
  await proc.ready(60_000);
  const line = proc
    .output()
    .split('\n')
    .find((l) => l.includes('"event":"ready"'));
  const ready = JSON.parse(line ?? '{}') as { workerIds?: Record<string, string> };
  entry.workerIds = Object.values(ready.workerIds ?? {});
  void proc.exited.then(async (exit) => {
    if (entry.killed || loadDone) return;
    unexpectedExits.push(`${name} exited on its own: ${JSON.stringify(exit)}`);
    log(`${name} exited unexpectedly (${JSON.stringify(exit)}); respawning`);
    if (slots[slot] === entry) await spawnSlot(slot);
  });
  return entry;
}

/** Retries `work` while the server is unreachable (terminated connections, a restart). */
async function persist<T>(what: string, work: () => Promise<T>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      if (!/connect|terminat|shut|ECONN|closed|starting up|recovery/i.test(String(error)))
        throw new Error(`${what}: ${String(error)}`);
      await sleep(200);
    }
  }
}

const expected = new Map<string, unknown>();

async function startRun(k: number): Promise<void> {
  const runId = randomUUID();
  const isJob = k % 3 === 2;
  const n = k;
  expected.set(
    runId,
    isJob ? { job: { doubled: 2 * n } } : { total: n * n + (n + 1) ** 2 + (n + 2) ** 2 },
  );
  await persist(`start run ${k}`, async () => {
    try {
      await db.client.query(
        isJob
          ? 'select 1 from pgflow.enqueue_job($1, $2::jsonb, 0, $3::uuid)'
          : 'select 1 from pgflow.start_flow($1, $2::jsonb, $3::uuid)',
        [isJob ? 'fault_job' : 'fault_flow', { n }, runId],
      );
    } catch (error) {
      // Committed before the connection dropped: the retry finds the run.
      if (/runs_pkey|duplicate key/.test(String(error))) return;
      throw error;
    }
  });
}

async function load(): Promise<void> {
  const every = LOAD_MS / RUNS;
  const start = Date.now();
  const pending: Promise<void>[] = [];
  for (let k = 0; k < RUNS; k++) {
    const wait = start + k * every - Date.now();
    if (wait > 0) await sleep(wait);
    pending.push(startRun(k));
  }
  await Promise.all(pending);
  log(`load: ${RUNS} runs started`);
}

async function kill(slot: number): Promise<void> {
  const victim = slots[slot] as Proc;
  // Kill while it runs something, so there is a redelivery to measure.
  for (let i = 0; i < 30 && (await heldTasks(victim.workerIds)).length === 0; i++) await sleep(100);
  const atMs = await dbNowMs();
  victim.killed = true;
  victim.proc.child.kill('SIGKILL');
  const tasks = await heldTasks(victim.workerIds);
  await victim.proc.waitForExit(10_000);
  kills.push({ atMs, worker: victim.name, tasks });
  injected.push({ kind: 'kill', worker: victim.name, atMs, detail: `${tasks.length} tasks held` });
  log(`SIGKILL ${victim.name} (pid ${victim.proc.pid}) holding ${tasks.length} tasks; restarting`);
  await spawnSlot(slot);
}

async function terminate(slot: number): Promise<void> {
  const victim = slots[slot] as Proc;
  const atMs = await dbNowMs();
  const [row] = await db.client.query<{ n: number }>(
    `select count(*) filter (where t)::int as n from (
       select pg_terminate_backend(pid) as t from pg_stat_activity
        where datname = current_database() and application_name = $1) s`,
    [victim.name],
  );
  injected.push({
    kind: 'terminate',
    worker: victim.name,
    atMs,
    detail: `${row?.n ?? 0} backends terminated`,
  });
  log(`pg_terminate_backend: ${row?.n ?? 0} backends of ${victim.name}`);
}

async function stop(planned: number): Promise<void> {
  // The worker holding the most tasks (the notify worker gets most pushed tasks at low load).
  let victim = slots[planned] as Proc;
  for (let i = 0; i < 50; i++) {
    const held = await Promise.all(slots.map(async (s) => (await heldTasks(s.workerIds)).length));
    const most = Math.max(...held);
    if (most > 0) {
      victim = slots[held.indexOf(most)] as Proc;
      break;
    }
    await sleep(100);
  }
  const fromMs = await dbNowMs();
  victim.proc.child.kill('SIGSTOP');
  const tasks = await heldTasks(victim.workerIds);
  log(`SIGSTOP ${victim.name} holding ${tasks.length} tasks, for ${STOP_MS} ms`);
  await sleep(STOP_MS);
  victim.proc.child.kill('SIGCONT');
  const toMs = await dbNowMs();
  victim.stoppedWindows.push({ from: fromMs, to: toMs });
  stops.push({ worker: victim.name, fromMs, toMs, tasks });
  injected.push({
    kind: 'stop',
    worker: victim.name,
    atMs: fromMs,
    detail: `${STOP_MS} ms, ${tasks.length} tasks held`,
  });
  log(`SIGCONT ${victim.name}`);
}

function otherSuiteRunning(): string | undefined {
  const ps = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return ps.split('\n').find((l) => /vitest|pg_prove/.test(l) && !l.includes(String(process.pid)));
}

async function restartPostgres(): Promise<void> {
  for (let waited = 0; otherSuiteRunning(); waited += 5000) {
    if (waited >= 120_000) {
      injected.push({
        kind: 'pg-restart',
        atMs: Date.now(),
        detail: `NOT injected: another suite runs (${otherSuiteRunning()?.trim()})`,
      });
      log('PostgreSQL restart skipped: another test suite runs');
      return;
    }
    log(`waiting to restart PostgreSQL: another test suite runs`);
    await sleep(5000);
  }
  const fromMs = Date.now();
  log(`pg_ctlcluster --skip-systemctl-redirect ${PG_CLUSTER.join(' ')} restart`);
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', ...PG_CLUSTER, 'restart'], {
    stdio: 'inherit',
  });
  await persist('reconnect after the restart', () => db.client.query('select 1'));
  const toMs = Date.now();
  restarts.push({ fromMs, toMs });
  injected.push({
    kind: 'pg-restart',
    atMs: fromMs,
    detail: `server accepted connections again after ${toMs - fromMs} ms`,
  });
  log(`PostgreSQL back after ${toMs - fromMs} ms`);
}

async function faults(): Promise<void> {
  const start = Date.now();
  for (const fault of plan()) {
    const wait = start + fault.atMs - Date.now();
    if (wait > 0) await sleep(wait);
    if (fault.kind === 'kill') await kill(fault.slot);
    else if (fault.kind === 'terminate') await terminate(fault.slot);
    else if (fault.kind === 'stop') await stop(fault.slot);
    else await restartPostgres();
  }
}

const AUDIT = `
  create table public.fault_audit (
    id bigserial primary key,
    run_id uuid not null,
    step_slug text not null,
    task_index integer not null,
    old_status text,
    new_status text not null,
    attempts_count integer not null,
    last_worker_id uuid,
    old_worker_id uuid,
    at timestamptz not null default clock_timestamp()
  );
  create function public.fault_audit_step_tasks() returns trigger
  language plpgsql set search_path = '' as $$
  begin
    if tg_op = 'INSERT' or old.status is distinct from new.status then
      insert into public.fault_audit
        (run_id, step_slug, task_index, old_status, new_status, attempts_count, last_worker_id, old_worker_id)
      values (new.run_id, new.step_slug, new.task_index,
              case when tg_op = 'UPDATE' then old.status end, new.status, new.attempts_count,
              new.last_worker_id, case when tg_op = 'UPDATE' then old.last_worker_id end);
    end if;
    return null;
  end;
  $$;
  create trigger fault_audit after insert or update on pgflow.step_tasks
    for each row execute function public.fault_audit_step_tasks();`;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

async function main(): Promise<number> {
  db = await createWorkerTestDatabase();
  log(
    `database ${new URL(db.url).pathname.slice(1)}; ${SHORT ? 'short' : 'full'} form, ${RUNS} runs over ${LOAD_MS / 1000} s`,
  );
  await db.client.query(AUDIT);
  // The first worker compiles the flow and the job; the others start once it has.
  await spawnSlot(0);
  await Promise.all([1, 2].slice(0, WORKERS - 1).map((slot) => spawnSlot(slot)));
  log(`workers: ${slots.map((s) => `${s.name}=${s.proc.pid}`).join(' ')}`);

  await Promise.all([load(), faults()]);
  log('load and faults done; waiting for every run to finish');
  const deadline = Date.now() + DRAIN_MS;
  for (;;) {
    const [row] = await persist('count runs', () =>
      db.client.query<{ open: number }>(
        "select count(*)::int as open from pgflow.runs where status = 'started'",
      ),
    );
    if (row?.open === 0 || Date.now() > deadline) break;
    await sleep(500);
  }
  loadDone = true;
  await Promise.all(
    slots.map(async (s) => {
      s.proc.child.kill('SIGTERM');
      await s.proc.waitForExit(45_000).catch(() => s.proc.child.kill('SIGKILL'));
    }),
  );
  return check();
}

async function check(): Promise<number> {
  const failures: string[] = [];
  const q = <T>(text: string, params?: unknown[]) =>
    db.client.query<T & Record<string, unknown>>(text, params);

  // Runs and outputs.
  const runs = await q<{ run_id: string; status: string; output: unknown }>(
    'select run_id::text, status, output from pgflow.runs',
  );
  const byStatus = new Map<string, number>();
  let wrongOutput = 0;
  for (const run of runs) {
    byStatus.set(run.status, (byStatus.get(run.status) ?? 0) + 1);
    if (
      run.status === 'completed' &&
      JSON.stringify(run.output) !== JSON.stringify(expected.get(run.run_id))
    )
      wrongOutput += 1;
  }
  const completed = byStatus.get('completed') ?? 0;
  if (runs.length !== RUNS) failures.push(`${runs.length} runs in the database, ${RUNS} started`);
  if (completed !== RUNS)
    failures.push(
      `${completed}/${RUNS} runs completed (${JSON.stringify(Object.fromEntries(byStatus))})`,
    );
  if (wrongOutput > 0) failures.push(`${wrongOutput} runs completed with a wrong output`);

  // Tasks: completed once each.
  const [tasks] = await q<{ n: number; completed: number }>(
    "select count(*)::int as n, count(*) filter (where status = 'completed')::int as completed from pgflow.step_tasks",
  );
  const twice = await q<{ run_id: string; step_slug: string; task_index: number; n: number }>(
    `select run_id::text, step_slug, task_index, count(*)::int as n from public.fault_audit
      where new_status = 'completed' group by 1, 2, 3 having count(*) > 1`,
  );
  if (twice.length > 0)
    failures.push(
      `${twice.length} tasks completed more than once: ${JSON.stringify(twice.slice(0, 5))}`,
    );
  if (tasks?.completed !== tasks?.n)
    failures.push(`${tasks?.completed}/${tasks?.n} tasks completed`);
  const transitions = await q<{ old_status: string | null; new_status: string; n: number }>(
    `select old_status, new_status, count(*)::int as n from public.fault_audit group by 1, 2 order by 3 desc`,
  );

  // Handler executions.
  const [handler] = await q<{ starts: number; dones: number }>(
    `select count(*) filter (where event = 'start')::int as starts,
            count(*) filter (where event = 'done')::int as dones from test_handler_log`,
  );
  const reexecutions = (handler?.starts ?? 0) - (tasks?.n ?? 0);

  // Queues and dead letters.
  const queues = await q<{ flow_slug: string }>('select flow_slug from pgflow.flows');
  const left: string[] = [];
  for (const { flow_slug } of queues) {
    const [row] = await q<{ n: number }>(`select count(*)::int as n from pgmq."q_${flow_slug}"`);
    if ((row?.n ?? 0) > 0) left.push(`${flow_slug}: ${row?.n}`);
  }
  if (left.length > 0) failures.push(`messages left in queues: ${left.join(', ')}`);
  const [hasDeadLetters] = await q<{ ok: boolean }>(
    "select to_regclass('pgflow.dead_letters') is not null as ok",
  );
  const [dl] = hasDeadLetters?.ok
    ? await q<{ n: number | null }>('select count(*)::int as n from pgflow.dead_letters')
    : [{ n: null }];
  if ((dl?.n ?? 0) > 0) failures.push(`${dl?.n} dead letters`);

  // Redelivery delay after each SIGKILL.
  const delays: number[] = [];
  let notRestarted = 0;
  const noStartDetails: string[] = [];
  for (const k of kills) {
    for (const t of k.tasks) {
      const [row] = await q<{ ms: number | null }>(
        `select (extract(epoch from min(at)) * 1000)::float8 as ms from test_handler_log
          where run_id = $1::uuid and step_slug = $2 and task_index = $3 and event = 'start'
            and at > to_timestamp($4::float8 / 1000)`,
        [t.run_id, t.step_slug, t.task_index, k.atMs],
      );
      if (row?.ms == null) {
        notRestarted += 1;
        const trail = await q<{ e: string }>(
          `select string_agg(e, ' ' order by at) as e from (
             select at, format('%s→%s@%s', coalesce(old_status, '∅'), new_status,
                    round((extract(epoch from at) * 1000 - $4::float8)::numeric)) as e
               from public.fault_audit where run_id = $1::uuid and step_slug = $2 and task_index = $3
             union all
             select at, format('%s[%s]@%s', event, pid, round((extract(epoch from at) * 1000 - $4::float8)::numeric))
               from test_handler_log where run_id = $1::uuid and step_slug = $2 and task_index = $3) x`,
          [t.run_id, t.step_slug, t.task_index, k.atMs],
        );
        noStartDetails.push(
          `${t.step_slug}[${t.task_index}] of ${k.worker} (ms from kill): ${trail[0]?.e}`,
        );
      } else delays.push(Number(row.ms) - k.atMs);
    }
  }
  delays.sort((a, b) => a - b);
  const p50 = percentile(delays, 50);
  const max = delays.length ? (delays[delays.length - 1] as number) : Number.NaN;
  if (delays.length === 0)
    failures.push('no redelivery measured (no SIGKILLed worker held a task)');
  else if (p50 > BOUND_MS)
    failures.push(`redelivery p50 ${p50.toFixed(0)} ms > bound ${BOUND_MS} ms`);

  // Takeovers: a requeue (started → queued by the lease) of a worker neither killed nor stopped.
  const owner = new Map<string, Proc>();
  for (const p of procs) for (const id of p.workerIds) owner.set(id, p);
  const requeues = await q<{ old_worker_id: string | null; at_ms: number }>(
    `select old_worker_id::text, (extract(epoch from at) * 1000)::float8 as at_ms from public.fault_audit
      where old_status = 'started' and new_status = 'queued'`,
  );
  let ofKilled = 0;
  const perKilled = new Map<string, number>();
  let ofStopped = 0;
  let duringRestart = 0;
  const ofAlive: string[] = [];
  for (const r of requeues) {
    const p = r.old_worker_id ? owner.get(r.old_worker_id) : undefined;
    const at = Number(r.at_ms);
    if (p?.killed) {
      ofKilled += 1;
      if (r.old_worker_id) perKilled.set(p.name, (perKilled.get(p.name) ?? 0) + 1);
    } else if (p?.stoppedWindows.some((w) => at >= w.from && at <= w.to + 1000)) ofStopped += 1;
    else if (restarts.some((w) => at >= w.fromMs && at <= w.toMs + LEASE_MS + 2000))
      duringRestart += 1;
    else ofAlive.push(`${p?.name ?? r.old_worker_id} at +${((at - T0) / 1000).toFixed(1)} s`);
  }
  if (ofAlive.length > 0)
    failures.push(
      `${ofAlive.length} tasks taken over from a live worker: ${ofAlive.slice(0, 5).join('; ')}`,
    );

  // Tasks started for a killed worker after its kill (pushed to it while its lease ran).
  const heldAtKill = kills.reduce((sum, k) => sum + k.tasks.length, 0);
  const share = await q<{ function_name: string; n: number }>(
    `select w.function_name, count(*)::int as n from public.fault_audit a
       join pgflow.workers w on w.worker_id = a.old_worker_id
      where a.new_status = 'completed' group by 1 order by 1`,
  );

  // SIGSTOP: what happened to the stopped worker's tasks.
  const stopReports: string[] = [];
  for (const s of stops) {
    let takenOver = 0;
    let ranTwice = 0;
    for (const t of s.tasks) {
      const [row] = await q<{ requeued: number; starts: number }>(
        `select (select count(*)::int from public.fault_audit a
                  where a.run_id = $1::uuid and a.step_slug = $2 and a.task_index = $3
                    and a.old_status = 'started' and a.new_status = 'queued') as requeued,
                (select count(*)::int from test_handler_log l
                  where l.run_id = $1::uuid and l.step_slug = $2 and l.task_index = $3
                    and l.event = 'start') as starts`,
        [t.run_id, t.step_slug, t.task_index],
      );
      if ((row?.requeued ?? 0) > 0) takenOver += 1;
      if ((row?.starts ?? 0) > 1) ranTwice += 1;
    }
    stopReports.push(
      `${s.worker}: stopped ${((s.toMs - s.fromMs) / 1000).toFixed(1)} s holding ${s.tasks.length} tasks; ${takenOver} taken over, ${ranTwice} ran twice (at least once), each completed once`,
    );
  }

  // Worker output: errors by kind.
  const errors = new Map<string, number>();
  let constraintErrors = 0;
  for (const p of procs) {
    const out = p.proc.output();
    constraintErrors += out.split('started_at_is_after_queued_at').length - 1;
    for (const m of out.matchAll(/worker:error during (\S+): ([^\n]*)/g)) {
      const kind = `${m[1]}: ${(m[2] ?? '').slice(0, 110)}`;
      errors.set(kind, (errors.get(kind) ?? 0) + 1);
    }
  }
  if (constraintErrors > 0)
    failures.push(
      `${constraintErrors} started_at_is_after_queued_at errors in the workers' output`,
    );
  if (unexpectedExits.length > 0)
    failures.push(`workers exited on their own: ${unexpectedExits.join('; ')}`);
  if (!SHORT && !restarts.length) failures.push('the PostgreSQL restart was not injected');

  const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const lines = [
    '',
    `=== fault suite report (${SHORT ? 'short' : 'full'} form) ===`,
    `runs:          ${runs.length} (${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ')}), wrong outputs ${wrongOutput}`,
    `tasks:         ${tasks?.n} (${tasks?.completed} completed), completed twice: ${twice.length}`,
    `transitions:   ${transitions.map((t) => `${t.old_status ?? '∅'}→${t.new_status} ${t.n}`).join(', ')}`,
    `handlers:      ${handler?.starts} starts, ${handler?.dones} dones; re-executions ${reexecutions}`,
    `queues:        ${left.length ? left.join(', ') : 'empty'}; dead letters ${dl?.n ?? 'n/a'}`,
    `redelivery:    ${plural(delays.length, 'task')} of SIGKILLed workers: p50 ${p50.toFixed(0)} ms, max ${max.toFixed(0)} ms; bound ${BOUND_MS} ms (lease ${LEASE_MS} ms + 2 s; step timeout 60 s)${notRestarted ? `; ${notRestarted} completed before it without a new start` : ''}`,
    ...noStartDetails.slice(0, 5).map((d) => `  no new start: ${d}`),
    `takeovers:     ${requeues.length} requeues: ${ofKilled} of killed workers, ${ofStopped} of the stopped worker, ${duringRestart} around the PostgreSQL restart, ${ofAlive.length} of live workers`,
    `               ${heldAtKill} tasks held at the kills, ${ofKilled - heldAtKill} more started for a killed worker after its kill (pushed before its lease ran out)`,
    `completed by:  ${share.map((x) => `${x.function_name} ${x.n}`).join(', ')}`,
    ...stopReports.map((s) => `SIGSTOP:       ${s}`),
    `errors:        ${[...errors.values()].reduce((a, b) => a + b, 0)} worker:error lines; started_at_is_after_queued_at: ${constraintErrors}`,
    ...[...errors]
      .sort((a, b) => b[1] - a[1])
      .map(([kind, n]) => `  ${String(n).padStart(5)}  ${kind}`),
    `faults:        ${injected.length} injected (${['kill', 'terminate', 'stop', 'pg-restart'].map((k) => `${k} ${injected.filter((f) => f.kind === k).length}`).join(', ')})`,
    ...injected.map(
      (f) =>
        `  +${((f.atMs - T0) / 1000).toFixed(1).padStart(6)} s  ${f.kind.padEnd(10)} ${f.worker ?? ''} ${f.detail}`,
    ),
    `workers:       ${procs.length} processes over the run; unexpected exits ${unexpectedExits.length}`,
    failures.length ? `FAILED:\n  - ${failures.join('\n  - ')}` : 'PASSED: every check holds',
    '',
  ];
  console.log(lines.join('\n'));
  return failures.length ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`fault suite aborted: ${error instanceof Error ? error.stack : String(error)}`);
  for (const p of procs.slice(-WORKERS))
    console.error(`--- ${p.name}\n${p.proc.output().slice(-3000)}`);
} finally {
  loadDone = true;
  for (const s of slots) s?.proc.child.kill('SIGCONT');
  await killAll();
  await (db as WorkerTestDatabase | undefined)
    ?.dispose()
    .catch((error) => console.error(`could not drop the database: ${error}`));
}
process.exit(code);
