/**
 * graphile-worker 0.17 in its default configuration: `run({ connectionString, taskList })`, so
 * concurrency 1, pollInterval 2000 ms with LISTEN/NOTIFY, no local queue, no completion
 * batching. Only the logger is silenced (the default prints a line per completed job).
 */
import { Logger, makeWorkerUtils, type RunnerOptions, run, runMigrations } from 'graphile-worker';
import postgres from 'postgres';
import { withDatabase } from '../lib/db';
import { createCounter, measureLatency, now, throughputResult, timeDrain } from '../lib/measure';
import type { Scenario } from './types';

const SYSTEM = 'graphile-worker';
const silent = new Logger(() => () => {});

type Tuning = Pick<RunnerOptions, 'concurrency'>;

function describe(tuning: Tuning): string {
  const parts = Object.entries(tuning).map(([k, v]) => `${k} ${v}`);
  return parts.length === 0 ? 'defaults (concurrency 1, LISTEN/NOTIFY)' : parts.join(', ');
}

function base(connectionString: string, tuning: Tuning): RunnerOptions {
  return { connectionString, logger: silent, noHandleSignals: true, ...tuning };
}

async function countPending(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select count(*)::int as n from graphile_worker._private_jobs`;
    return row?.n ?? 0;
  } finally {
    await sql.end();
  }
}

/** n jobs of `task` added in one statement: graphile_worker.add_job called n times by the server. */
async function bulkAdd(url: string, task: string, n: number): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const t = now();
    await sql`select count(graphile_worker.add_job(${task}, json_build_object('i', i)))
                from generate_series(1, ${n}::int) as i`;
    const seconds = (now() - t) / 1000;
    await sql`analyze`;
    return seconds;
  } finally {
    await sql.end();
  }
}

function jobsScenario(tuning: Tuning): Scenario {
  const config = describe(tuning);
  return {
    kind: 'jobs',
    system: SYSTEM,
    config,
    run: (o) =>
      withDatabase('graphile_jobs', async (db) => {
        await runMigrations(base(db.url, tuning));
        const enqueueSeconds = await bulkAdd(db.url, 'noop', o.jobs);
        const counter = createCounter();
        let runner: Awaited<ReturnType<typeof run>> | undefined;
        const drain = await timeDrain({
          n: o.jobs,
          handlerTarget: o.jobs,
          counter,
          capMs: o.capMs,
          start: async () => {
            runner = await run({
              ...base(db.url, tuning),
              taskList: { noop: async () => counter.add() },
            });
          },
          dbUrl: db.url,
          countCompleted: async () => o.jobs - (await countPending(db.url)),
        });
        await runner?.stop();
        return throughputResult(
          {
            kind: 'jobs',
            system: SYSTEM,
            config,
            n: o.jobs,
            handlerCalls: counter.value,
            enqueue: 'SQL: graphile_worker.add_job × n in one statement',
            enqueueSeconds,
          },
          drain,
        );
      }),
  };
}

/** A 3-step chain as graphile users write one: each task adds the next job. */
function chainScenario(tuning: Tuning): Scenario {
  const config = `${describe(tuning)}; chain: each task add_job()s the next`;
  return {
    kind: 'flow',
    system: SYSTEM,
    config,
    run: (o) =>
      withDatabase('graphile_chain', async (db) => {
        await runMigrations(base(db.url, tuning));
        const enqueueSeconds = await bulkAdd(db.url, 'a', o.runs);
        const counter = createCounter();
        let lastSteps = 0;
        let runner: Awaited<ReturnType<typeof run>> | undefined;
        const drain = await timeDrain({
          n: o.runs,
          handlerTarget: o.runs * 3,
          counter,
          capMs: o.capMs,
          start: async () => {
            runner = await run({
              ...base(db.url, tuning),
              taskList: {
                a: async (payload, helpers) => {
                  counter.add();
                  await helpers.addJob('b', payload as object);
                },
                b: async (payload, helpers) => {
                  counter.add();
                  await helpers.addJob('c', payload as object);
                },
                c: async () => {
                  counter.add();
                  lastSteps++;
                },
              },
            });
          },
          // Jobs are deleted when done: all chains are done when no job is left.
          dbUrl: db.url,
          countCompleted: async () => ((await countPending(db.url)) === 0 ? o.runs : lastSteps),
        });
        await runner?.stop();
        return throughputResult(
          {
            kind: 'flow',
            system: SYSTEM,
            config,
            n: o.runs,
            handlerCalls: counter.value,
            enqueue: 'SQL: graphile_worker.add_job × n in one statement',
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
      withDatabase('graphile_latency', async (db) => {
        await runMigrations(base(db.url, tuning));
        const started = new Map<number, number>();
        const runner = await run({
          ...base(db.url, tuning),
          taskList: {
            noop: async (payload) => {
              started.set((payload as { i: number }).i, now());
            },
          },
        });
        const utils = await makeWorkerUtils({ connectionString: db.url, logger: silent });
        try {
          return await measureLatency({
            system: SYSTEM,
            config,
            rate: o.rate,
            seconds: o.seconds,
            started,
            graceMs: 15_000,
            enqueue: async (i) => {
              await utils.addJob('noop', { i });
            },
          });
        } finally {
          await utils.release();
          await runner.stop();
        }
      }),
  };
}

export function graphileScenarios(): Scenario[] {
  return [jobsScenario({}), chainScenario({}), latencyScenario({})];
}
