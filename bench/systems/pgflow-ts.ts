/**
 * pgflow-ts: a no-op Job, a linear a→b→c Flow, and enqueue→start latency with both signal
 * strategies. Definitions are compiled with the DSL's compileFlow before anything is enqueued.
 */
import { type CreateWorkerOptions, createWorker, enqueue, install } from '@pgflow-ts/core';
import { createPostgresJsClient } from '@pgflow-ts/core/postgres-js';
import { type AnyFlow, compileFlow, Flow, Job } from '@pgflow-ts/dsl';
import { withDatabase } from '../lib/db';
import {
  createCounter,
  type Drain,
  measureLatency,
  now,
  throughputResult,
  timeDrain,
} from '../lib/measure';
import type { Scenario } from './types';

const SYSTEM = 'pgflow-ts';

/** Worker options, plus the pool size and the pgmq flavour to install (default: the server's choice). */
type WorkerTuning = Omit<CreateWorkerOptions, 'sql' | 'flows' | 'jobs'> & {
  poolMax?: number;
  pgmq?: 'compat' | 'extension';
};

/** Fresh database with pgflow installed and `flows` compiled; `fn` gets a client on it. */
async function withPgflow<T>(
  label: string,
  flows: AnyFlow[],
  { poolMax, pgmq }: Pick<WorkerTuning, 'poolMax' | 'pgmq'>,
  fn: (url: string, sql: ReturnType<typeof createPostgresJsClient>) => Promise<T>,
): Promise<T> {
  return withDatabase(`pgflow_${label}`, async (db) => {
    // The setting travels with every connection of the URL, so the install takes that flavour.
    const url = new URL(db.url);
    if (pgmq) url.searchParams.set('options', `-c pgflow.pgmq_flavour=${pgmq}`);
    const sql = createPostgresJsClient(url.toString(), {
      postgres: poolMax ? { max: poolMax } : {},
    });
    try {
      await install(sql);
      for (const flow of flows) {
        await sql.transaction(async (tx) => {
          for (const statement of compileFlow(flow)) await tx.query(statement);
        });
      }
      return await fn(url.toString(), sql);
    } finally {
      await sql.end();
    }
  });
}

/** Enqueues n runs of `slug` in one statement: pgflow.start_flow called n times by the server. */
async function bulkStart(sql: ReturnType<typeof createPostgresJsClient>, slug: string, n: number) {
  const t = now();
  await sql.query(
    `select count(*) from generate_series(1, $2::int) as i
       cross join lateral pgflow.start_flow(flow_slug => $1::text, input => jsonb_build_object('i', i))`,
    [slug, n],
  );
  const seconds = (now() - t) / 1000;
  // Every system's tables are analyzed after the bulk enqueue, as autovacuum would soon do:
  // plans made on empty-table statistics cost pgflow-ts ~12% here (see README).
  await sql.query('analyze');
  return seconds;
}

function describe(tuning: WorkerTuning): string {
  const { poolMax, pgmq, ...rest } = tuning;
  const parts = Object.entries(rest).map(([k, v]) => `${k} ${v}`);
  if (poolMax) parts.push(`pool ${poolMax}`);
  if (pgmq) parts.push(`pgmq ${pgmq}`);
  return parts.length === 0
    ? 'defaults (maxConcurrent 10, batchSize 10, polling)'
    : parts.join(', ');
}

function jobsScenario(tuning: WorkerTuning): Scenario {
  const config = describe(tuning);
  return {
    kind: 'jobs',
    system: SYSTEM,
    config,
    run: (o) => {
      const counter = createCounter();
      const noop = new Job({ slug: 'bench_noop' }, () => {
        counter.add();
        return null;
      });
      const { poolMax, pgmq, ...workerOptions } = tuning;
      return withPgflow('jobs', [noop], { poolMax, pgmq }, async (url, sql) => {
        const enqueueSeconds = await bulkStart(sql, noop.slug, o.jobs);
        const worker = createWorker({ sql, jobs: [noop], ...workerOptions });
        const drain = await timeDrain({
          n: o.jobs,
          handlerTarget: o.jobs,
          counter,
          capMs: o.capMs,
          start: () => worker.start(),
          dbUrl: url,
          countCompleted: () => countRuns(sql, noop.slug),
        });
        await worker.stop();
        return throughput('jobs', config, o.jobs, counter.value, drain, enqueueSeconds);
      });
    },
  };
}

function flowScenario(tuning: WorkerTuning): Scenario {
  const config = describe(tuning);
  return {
    kind: 'flow',
    system: SYSTEM,
    config,
    run: (o) => {
      const counter = createCounter();
      const step = () => {
        counter.add();
        return null;
      };
      const chain = new Flow({ slug: 'bench_chain' })
        .step({ slug: 'a' }, step)
        .step({ slug: 'b', dependsOn: ['a'] }, step)
        .step({ slug: 'c', dependsOn: ['b'] }, step);
      const { poolMax, pgmq, ...workerOptions } = tuning;
      return withPgflow('flow', [chain], { poolMax, pgmq }, async (url, sql) => {
        const enqueueSeconds = await bulkStart(sql, chain.slug, o.runs);
        const worker = createWorker({ sql, flows: [chain], ...workerOptions });
        const drain = await timeDrain({
          n: o.runs,
          handlerTarget: o.runs * 3,
          counter,
          capMs: o.capMs,
          start: () => worker.start(),
          dbUrl: url,
          countCompleted: () => countRuns(sql, chain.slug),
        });
        await worker.stop();
        return throughput('flow', config, o.runs, counter.value, drain, enqueueSeconds);
      });
    },
  };
}

function latencyScenario(signal: 'polling' | 'notify', extra: WorkerTuning = {}): Scenario {
  const tuning: WorkerTuning = { signal, ...extra };
  const defaults =
    signal === 'polling'
      ? ' (minPollIntervalMs 50, the default)'
      : extra.pushTasks === undefined
        ? ' (pushTasks true, the default)'
        : '';
  const config = `${describe(tuning)}${defaults}`;
  return {
    kind: 'latency',
    system: SYSTEM,
    config,
    run: (o) => {
      const started = new Map<number, number>();
      const noop = new Job<{ i: number }>({ slug: 'bench_latency' }, (input) => {
        started.set(input.i, now());
        return null;
      });
      const { poolMax, pgmq, ...workerOptions } = tuning;
      return withPgflow('latency', [noop], { poolMax, pgmq }, async (url, sql) => {
        const worker = createWorker({ sql, jobs: [noop], ...workerOptions });
        await worker.start();
        // The producer has its own pool, as an application enqueuing jobs would.
        const producer = createPostgresJsClient(url, { postgres: { max: 1 } });
        try {
          return await measureLatency({
            system: SYSTEM,
            config,
            rate: o.rate,
            seconds: o.seconds,
            started,
            graceMs: 15_000,
            enqueue: async (i) => {
              await enqueue(producer, noop, { i });
            },
          });
        } finally {
          await producer.end();
          await worker.stop();
        }
      });
    },
  };
}

async function countRuns(sql: ReturnType<typeof createPostgresJsClient>, slug: string) {
  const [row] = await sql.query<{ n: number }>(
    `select count(*)::int as n from pgflow.runs where flow_slug = $1::text and status = 'completed'`,
    [slug],
  );
  return row?.n ?? 0;
}

function throughput(
  kind: 'jobs' | 'flow',
  config: string,
  n: number,
  handlerCalls: number,
  drain: Drain,
  enqueueSeconds: number,
) {
  const enqueue = 'SQL: pgflow.start_flow × n in one statement';
  return throughputResult(
    { kind, system: SYSTEM, config, n, handlerCalls, enqueue, enqueueSeconds },
    drain,
  );
}

/** The tuned rows: bigger claims amortise start_tasks; the pool stays at postgres.js' 10. */
const TUNED: WorkerTuning = { maxConcurrent: 50, batchSize: 50 };

export function pgflowScenarios(): Scenario[] {
  return [
    jobsScenario({}),
    jobsScenario(TUNED),
    flowScenario({}),
    flowScenario(TUNED),
    latencyScenario('polling'),
    // The notify rows on each pgmq flavour, in the same run (Supabase has the extension). With
    // pushTasks false every task is claimed after its insert notification (pgflow_notify_insert).
    latencyScenario('notify', { pgmq: 'compat' }),
    latencyScenario('notify', { pgmq: 'extension' }),
    latencyScenario('notify', { pushTasks: false, pgmq: 'compat' }),
    latencyScenario('notify', { pushTasks: false, pgmq: 'extension' }),
  ];
}
