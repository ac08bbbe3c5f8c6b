/**
 * Where a pgflow-ts worker's time goes. Drains `--jobs` no-op jobs (or `--runs` 3-step runs
 * with `--flow`) through a SqlClient that counts and times every statement, and prints:
 * statements per task and their mean client-side time, claimed tasks per poll, what the
 * database backends wait on (pg_stat_activity sampled every 5 ms), and CPU ms per task.
 * `--latency <s>` instead measures enqueue→start latency (notify, throttle 0) for s seconds.
 *
 *   npx tsx profile.ts [--jobs 3000] [--flow] [--runs 1000] [--max-concurrent 10]
 *     [--batch-size 10] [--pool 10] [--latency 10] [--core <path to a core src/index.ts>]
 *     [--no-broadcast] [--async-commit] [--track-functions]
 *
 * `--core` loads another copy of the engine, so a change can be compared with the code before
 * it, run after run, on the same busy machine (A/B).
 */
import { parseArgs } from 'node:util';
import type { SqlClient } from '@pgflow-ts/core';
import { createPostgresJsClient } from '@pgflow-ts/core/postgres-js';
import { compileFlow, Flow, Job } from '@pgflow-ts/dsl';
import { withDatabase } from './lib/db';
import { createCounter, measureLatency, now, timeDrain } from './lib/measure';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '3000' },
    runs: { type: 'string', default: '1000' },
    flow: { type: 'boolean', default: false },
    'max-concurrent': { type: 'string', default: '10' },
    'batch-size': { type: 'string', default: '10' },
    pool: { type: 'string', default: '10' },
    latency: { type: 'string' },
    /** ANALYZE after the bulk enqueue (as the bench does for every system). */
    analyze: { type: 'boolean', default: false },
    core: { type: 'string', default: '@pgflow-ts/core' },
    /** Experiment: make pgflow._broadcast_all (every event) a no-op in the throwaway database (no NOTIFY). */
    'no-broadcast': { type: 'boolean', default: false },
    /** Experiment: synchronous_commit off in the throwaway database. */
    'async-commit': { type: 'boolean', default: false },
    /** Experiment: record server-side function times (track_functions = all) and print them. */
    'track-functions': { type: 'boolean', default: false },
  },
});
const core = (await import(values.core)) as typeof import('@pgflow-ts/core');

const stats = new Map<string, { count: number; ms: number }>();
let inFlight = 0;
let inFlightSum = 0;
let samples = 0;

function kindOf(text: string): string {
  const m = /(pgflow|pgmq)\.(\w+)/.exec(text);
  return m ? `${m[1]}.${m[2]}` : text.replace(/\s+/g, ' ').slice(0, 50);
}

function instrument(sql: SqlClient): SqlClient {
  return {
    ...sql,
    async query(text, params) {
      const kind = kindOf(text);
      const t = now();
      inFlight++;
      inFlightSum += inFlight;
      samples++;
      try {
        return await sql.query(text, params);
      } finally {
        inFlight--;
        const s = stats.get(kind) ?? { count: 0, ms: 0 };
        s.count++;
        s.ms += now() - t;
        stats.set(kind, s);
      }
    },
  } as SqlClient;
}

/** Counts what the database's active backends wait on, every 5 ms, until stopped. */
function sampleWaits(url: string) {
  const waits = new Map<string, number>();
  const sampler = createPostgresJsClient(url, { postgres: { max: 1 } });
  let sampling = true;
  const done = (async () => {
    while (sampling) {
      const rows = await sampler.query<{ w: string }>(
        `select coalesce(wait_event_type || ':' || wait_event, 'CPU') as w from pg_stat_activity
          where datname = current_database() and state = 'active' and pid <> pg_backend_pid()`,
      );
      for (const r of rows) waits.set(r.w, (waits.get(r.w) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  return async () => {
    sampling = false;
    await done;
    await sampler.end();
    const total = [...waits.values()].reduce((a, b) => a + b, 0);
    return [...waits]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([w, c]) => `${w} ${((100 * c) / total).toFixed(0)}%`)
      .join(', ');
  };
}

const counter = createCounter();
const started = new Map<number, number>();
const step = (input: unknown) => {
  const i = (input as { i?: unknown } | null)?.i;
  if (typeof i === 'number') started.set(i, now());
  counter.add();
  return null;
};
const flow = values.flow
  ? new Flow({ slug: 'bench_chain' })
      .step({ slug: 'a' }, step)
      .step({ slug: 'b', dependsOn: ['a'] }, step)
      .step({ slug: 'c', dependsOn: ['b'] }, step)
  : new Job<{ i: number }>({ slug: 'bench_noop' }, step);
const n = Number(values.flow ? values.runs : values.jobs);
const tasks = values.flow ? n * 3 : n;

await withDatabase('profile', async (db) => {
  const admin = createPostgresJsClient(db.url, { postgres: { max: 1 } });
  if (values['async-commit'])
    await admin.exec(`alter database "${db.name}" set synchronous_commit = off`);
  if (values['track-functions'])
    await admin.exec(`alter database "${db.name}" set track_functions = 'all'`);
  await admin.end();
  const raw = createPostgresJsClient(db.url, { postgres: { max: Number(values.pool) } });
  await core.install(raw);
  if (values['no-broadcast']) {
    await raw.exec(`create or replace function pgflow._broadcast_all(p_run_ids uuid[], p_events text[], p_payloads jsonb[])
      returns void language plpgsql as $$ begin end $$`);
  }
  await raw.transaction(async (tx) => {
    for (const s of compileFlow(flow)) await tx.query(s);
  });
  const latency = values.latency !== undefined;
  if (!latency) {
    await raw.query(
      `select count(*) from generate_series(1, $2::int) as i
         cross join lateral pgflow.start_flow(flow_slug => $1::text, input => jsonb_build_object('i', i))`,
      [flow.slug, n],
    );
    if (values.analyze) await raw.query('analyze');
  }
  const worker = core.createWorker({
    sql: instrument(raw),
    [values.flow ? 'flows' : 'jobs']: [flow],
    maxConcurrent: Number(values['max-concurrent']),
    batchSize: Number(values['batch-size']),
    ...(latency ? { signal: 'notify' as const } : {}),
  });
  let polls = 0;
  let claimed = 0;
  worker.events.on('poll', (e) => {
    polls++;
    claimed += e.claimed;
  });
  stats.clear();
  const stopSampling = sampleWaits(db.url);
  let units = tasks;
  if (latency) {
    await worker.start();
    const producer = createPostgresJsClient(db.url, { postgres: { max: 1 } });
    const r = await measureLatency({
      system: 'pgflow-ts',
      config: 'notify, throttle 0',
      rate: 20,
      seconds: Number(values.latency),
      started,
      graceMs: 5000,
      enqueue: async (i) => {
        await core.enqueue(producer, flow.slug, { i });
      },
    });
    await producer.end();
    units = r.samples;
    console.log(
      `latency p50 ${r.p50.toFixed(2)} p90 ${r.p90.toFixed(2)} p99 ${r.p99.toFixed(2)} max ${r.max.toFixed(2)} ms`,
    );
  } else {
    const drain = await timeDrain({
      n,
      handlerTarget: tasks,
      counter,
      capMs: 120_000,
      dbUrl: db.url,
      start: () => worker.start(),
      countCompleted: async () => {
        const [r] = await raw.query<{ n: number }>(
          `select count(*)::int as n from pgflow.runs where status = 'completed'`,
        );
        return r?.n ?? 0;
      },
    });
    console.log(
      `${tasks} tasks in ${drain.seconds.toFixed(2)} s = ${(tasks / drain.seconds).toFixed(0)} tasks/s; ` +
        `CPU per task: db ${(drain.dbCpuMs / tasks).toFixed(2)} ms, node ${(drain.clientCpuMs / tasks).toFixed(2)} ms`,
    );
  }
  console.log(`active backends by wait event: ${await stopSampling()}`);
  await worker.stop();
  console.log(
    `${polls} polls, ${(claimed / Math.max(1, polls)).toFixed(1)} claimed per poll; ` +
      `mean statements in flight ${(inFlightSum / Math.max(1, samples)).toFixed(1)}`,
  );
  for (const [kind, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 6)) {
    console.log(
      `  ${kind.padEnd(40)} ${String(s.count).padStart(6)} calls ${(s.count / units).toFixed(2).padStart(5)}/task ` +
        `${(s.ms / s.count).toFixed(2).padStart(7)} ms mean`,
    );
  }
  if (values['track-functions']) {
    await new Promise((r) => setTimeout(r, 700)); // function stats are flushed at most once a second
    const fns = await raw.query<{ name: string; calls: number; total: number; self: number }>(
      `select schemaname || '.' || funcname as name, calls::int, total_time as total, self_time as self
         from pg_stat_user_functions order by total_time desc limit 12`,
    );
    for (const f of fns) {
      console.log(
        `  fn ${f.name.padEnd(40)} ${String(f.calls).padStart(7)} calls ` +
          `${(f.total / f.calls).toFixed(3)} ms total, ${(f.self / f.calls).toFixed(3)} ms self`,
      );
    }
  }
  await raw.end();
});
