/**
 * Where the enqueue→handler latency goes, for one system at a time: enqueues one no-op job every
 * 50 ms on its own connection (as the bench's latency measurement does) and prints, for each
 * step of a job, the median time relative to the moment the enqueue call returned.
 *
 *   npx tsx timeline.ts [--system pgflow-ts|graphile-worker] [--seconds 8]
 *
 * pgflow-ts (notify, throttle 0): `notified` (insert notification), `claim_tasks:sent`/`:done`,
 * the worker's `poll event` and `task:started event`, `handler`, then the statements that follow
 * it. graphile-worker: its `pool:listen:notification`, `worker:getJob:start` and `job:start`
 * events, and `handler`.
 */
import { parseArgs } from 'node:util';
import * as core from '@pgflow-ts/core';
import { createPostgresJsClient } from '@pgflow-ts/core/postgres-js';
import { compileFlow, Job } from '@pgflow-ts/dsl';
import { Logger, makeWorkerUtils, run, runMigrations } from 'graphile-worker';
import { withDatabase } from './lib/db';
import { now } from './lib/measure';

const { values } = parseArgs({
  options: {
    system: { type: 'string', default: 'pgflow-ts' },
    seconds: { type: 'string', default: '8' },
  },
});

const WARMUP = 5;
const jobs: Record<string, number>[] = [];
let current: Record<string, number> = {};
/** Records the first time `step` happens during the current job. */
const mark = (step: string) => {
  current[step] ??= now();
};

async function drive(enqueue: () => Promise<void>) {
  const total = Number(values.seconds) * 20 + WARMUP;
  for (let i = 0; i < total; i++) {
    current = {};
    await enqueue();
    current.returned = now();
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (i >= WARMUP) jobs.push(current);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const steps = [...new Set(jobs.flatMap((j) => Object.keys(j)))].filter((s) => s !== 'returned');
  const rows = steps.map((step) => {
    const at = jobs.filter((j) => step in j).map((j) => (j[step] ?? 0) - (j.returned ?? 0));
    return { step, median: median(at), seen: at.length };
  });
  rows.sort((a, b) => a.median - b.median);
  for (const r of rows)
    console.log(`${r.step.padEnd(22)} ${r.median.toFixed(3).padStart(8)} ms  (${r.seen} jobs)`);
}

if (values.system === 'graphile-worker') {
  const logger = new Logger(() => () => {});
  await withDatabase('timeline_graphile', async (db) => {
    await runMigrations({ connectionString: db.url, logger });
    const runner = await run({
      connectionString: db.url,
      logger,
      noHandleSignals: true,
      taskList: { noop: async () => mark('handler') },
    });
    runner.events.on('pool:listen:notification', () => mark('notified'));
    runner.events.on('worker:getJob:start', () => mark('getJobSent'));
    runner.events.on('job:start', () => mark('jobStart'));
    const utils = await makeWorkerUtils({ connectionString: db.url, logger });
    await drive(async () => {
      await utils.addJob('noop', {});
    });
    await utils.release();
    await runner.stop();
  });
} else {
  await withDatabase('timeline_pgflow', async (db) => {
    const raw = createPostgresJsClient(db.url);
    await core.install(raw);
    const job = new Job({ slug: 'timeline_noop' }, () => {
      mark('handler');
      return null;
    });
    await raw.transaction(async (tx) => {
      for (const statement of compileFlow(job)) await tx.query(statement);
    });
    const sql: core.SqlClient = {
      ...raw,
      async query(text, params) {
        const name = /(?:pgflow|pgmq)\.(\w+)/.exec(text)?.[1] ?? 'other';
        mark(`${name}:sent`);
        const rows = await raw.query(text, params);
        mark(`${name}:done`);
        return rows;
      },
      listen: (channel, onPayload, onListen) =>
        raw.listen(
          channel,
          (payload) => {
            mark('notified');
            onPayload(payload);
          },
          onListen,
        ),
    } as core.SqlClient;
    const worker = core.createWorker({ sql, jobs: [job], signal: 'notify' });
    worker.events.on('poll', (e) => {
      if (e.claimed > 0) mark('poll event');
    });
    worker.events.on('task:started', () => mark('task:started event'));
    await worker.start();
    const producer = createPostgresJsClient(db.url, { postgres: { max: 1 } });
    await drive(async () => {
      await core.enqueue(producer, job.slug, {});
    });
    await producer.end();
    await worker.stop();
    await raw.end();
  });
}
