/**
 * pg-boss 10: `start()`, `createQueue()`, `insert()` (bulk) or `send()`, `work()`. pg-boss 10 has
 * no LISTEN/NOTIFY: each work() loop fetches up to `batchSize` jobs, runs the handler on the
 * whole array, completes them (without awaiting) and sleeps out the rest of
 * `pollingIntervalSeconds` (default 2, minimum 0.5), even when it found work. Its defaults
 * (batchSize 1) therefore run 0.5 jobs/s per loop, so it is also measured with larger batches.
 */
import PgBoss from 'pg-boss';
import postgres from 'postgres';
import { withDatabase } from '../lib/db';
import { createCounter, measureLatency, now, throughputResult, timeDrain } from '../lib/measure';
import type { Scenario } from './types';

const SYSTEM = 'pg-boss';

interface Tuning {
  batchSize?: number;
  pollingIntervalSeconds?: number;
  /** work() registrations (each is its own fetch loop). @default 1 */
  loops?: number;
}

function describe(t: Tuning): string {
  const parts = Object.entries(t).map(([k, v]) => `${k} ${v}`);
  return parts.length === 0 ? 'defaults (batchSize 1, poll 2 s)' : parts.join(', ');
}

function workOptions(t: Tuning): PgBoss.WorkOptions {
  const { loops: _loops, ...rest } = t;
  return rest;
}

async function withBoss<T>(
  label: string,
  fn: (boss: PgBoss, url: string) => Promise<T>,
): Promise<T> {
  return withDatabase(`pgboss_${label}`, async (db) => {
    const boss = new PgBoss({ connectionString: db.url });
    boss.on('error', () => {});
    await boss.start();
    try {
      return await fn(boss, db.url);
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 2000 });
    }
  });
}

async function countCompleted(url: string, queues: readonly string[]): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select count(*)::int as n from pgboss.job
                             where name = any (${queues as string[]}) and state = 'completed'`;
    return row?.n ?? 0;
  } finally {
    await sql.end();
  }
}

async function bulkInsert(boss: PgBoss, url: string, queue: string, n: number): Promise<number> {
  const t = now();
  await boss.insert(Array.from({ length: n }, (_, i) => ({ name: queue, data: { i } })));
  const seconds = (now() - t) / 1000;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`analyze`;
  await sql.end();
  return seconds;
}

function jobsScenario(tuning: Tuning, capMs?: number): Scenario {
  const config = describe(tuning);
  return {
    kind: 'jobs',
    system: SYSTEM,
    config,
    run: (o) =>
      withBoss('jobs', async (boss, url) => {
        await boss.createQueue('noop');
        const enqueueSeconds = await bulkInsert(boss, url, 'noop', o.jobs);
        const counter = createCounter();
        const drain = await timeDrain({
          n: o.jobs,
          handlerTarget: o.jobs,
          counter,
          capMs: capMs ?? o.capMs,
          start: async () => {
            for (let k = 0; k < (tuning.loops ?? 1); k++) {
              await boss.work('noop', workOptions(tuning), async (jobs) =>
                counter.add(jobs.length),
              );
            }
          },
          dbUrl: url,
          countCompleted: () => countCompleted(url, ['noop']),
        });
        return throughputResult(
          {
            kind: 'jobs',
            system: SYSTEM,
            config,
            n: o.jobs,
            handlerCalls: counter.value,
            enqueue: 'API: boss.insert(n jobs), one statement',
            enqueueSeconds,
          },
          drain,
        );
      }),
  };
}

/** A 3-step chain: each handler send()s the next step's job. */
function chainScenario(tuning: Tuning): Scenario {
  const config = `${describe(tuning)}; chain: each handler send()s the next`;
  return {
    kind: 'flow',
    system: SYSTEM,
    config,
    run: (o) =>
      withBoss('chain', async (boss, url) => {
        for (const q of ['a', 'b', 'c']) await boss.createQueue(q);
        const enqueueSeconds = await bulkInsert(boss, url, 'a', o.runs);
        const counter = createCounter();
        const next = (to: string) => async (jobs: PgBoss.Job<object>[]) => {
          await boss.insert(jobs.map((j) => ({ name: to, data: j.data })));
          counter.add(jobs.length);
        };
        const drain = await timeDrain({
          n: o.runs,
          handlerTarget: o.runs * 3,
          counter,
          capMs: o.capMs,
          start: async () => {
            for (let k = 0; k < (tuning.loops ?? 1); k++) {
              await boss.work('a', workOptions(tuning), next('b'));
              await boss.work('b', workOptions(tuning), next('c'));
              await boss.work('c', workOptions(tuning), async (jobs) => counter.add(jobs.length));
            }
          },
          dbUrl: url,
          countCompleted: () => countCompleted(url, ['c']),
        });
        return throughputResult(
          {
            kind: 'flow',
            system: SYSTEM,
            config,
            n: o.runs,
            handlerCalls: counter.value,
            enqueue: 'API: boss.insert(n jobs), one statement',
            enqueueSeconds,
          },
          drain,
        );
      }),
  };
}

function latencyScenario(tuning: Tuning): Scenario {
  const config = describe(tuning);
  return {
    kind: 'latency',
    system: SYSTEM,
    config,
    run: (o) =>
      withBoss('latency', async (boss) => {
        await boss.createQueue('noop');
        const started = new Map<number, number>();
        await boss.work<{ i: number }>('noop', workOptions(tuning), async (jobs) => {
          const t = now();
          for (const job of jobs) started.set(job.data.i, t);
        });
        return measureLatency({
          system: SYSTEM,
          config,
          rate: o.rate,
          seconds: o.seconds,
          started,
          graceMs: 15_000,
          enqueue: async (i) => {
            await boss.send('noop', { i });
          },
        });
      }),
  };
}

export function pgBossScenarios(): Scenario[] {
  return [
    jobsScenario({}, 6_000),
    jobsScenario({ batchSize: 100, pollingIntervalSeconds: 0.5, loops: 10 }),
    chainScenario({ batchSize: 100, pollingIntervalSeconds: 0.5, loops: 10 }),
    latencyScenario({ batchSize: 100 }),
    latencyScenario({ batchSize: 100, pollingIntervalSeconds: 0.5 }),
  ];
}
