import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Flow, Job } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorker,
  enqueue,
  type InstallResult,
  install,
  migrations,
  startFlow,
  type Worker,
} from '../src/index';
import * as pgmq from '../src/sql/pgmq';
import type { SqlClient } from '../src/sql/port';
import { createPostgresJsClient } from '../src/sql/postgres-js';
import { catalogFingerprint } from './helpers/catalog';
import { createTestDatabase, type TestDatabase } from './helpers/db';

// A server that got the pgmq extension after pgflow was installed with our layer: the operator
// stops the workers and runs docs/pgmq.md "Switching from our layer to the extension later". The
// SQL run here is read from that section, between its HTML comment markers, so the documented
// procedure is the tested one. Queued work must survive with its msg ids, and notify workers must
// still be woken by insert notifications afterwards.

const DOC = readFileSync(new URL('../../../docs/pgmq.md', import.meta.url), 'utf8');

/** The SQL of the fenced block(s) between `<!-- <marker>:start -->` and `<!-- <marker>:end -->`. */
function documentedSql(marker: string): string {
  const start = DOC.indexOf(`<!-- ${marker}:start -->`);
  const end = DOC.indexOf(`<!-- ${marker}:end -->`);
  if (start < 0 || end < start) throw new Error(`docs/pgmq.md has no ${marker} markers`);
  const blocks = [...DOC.slice(start, end).matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]);
  if (blocks.length === 0) throw new Error(`docs/pgmq.md has no sql block inside ${marker}`);
  return blocks.join('\n');
}

/** The URL with `pgflow.pgmq_flavour` set to `flavour` in its `options`, or removed (null). */
function withPgmqFlavour(url: string, flavour: 'compat' | null): string {
  const u = new URL(url);
  const others = (u.searchParams.get('options') ?? '')
    .replace(/-c\s*pgflow\.pgmq_flavour=\S*/g, '')
    .trim();
  const options = [others, flavour ? `-c pgflow.pgmq_flavour=${flavour}` : '']
    .filter(Boolean)
    .join(' ');
  if (options) u.searchParams.set('options', options);
  else u.searchParams.delete('options');
  return u.toString();
}

const started = new Map<string, number>(); // handler key -> Date.now() at start
const SwitchJob = new Job<{ n: number }>({ slug: 'switch_job' }, (input) => {
  started.set(`job ${input.n}`, Date.now());
  return input.n;
});
const SwitchFlow = new Flow<{ n: number }>({ slug: 'switch_flow' })
  .step({ slug: 'first' }, (input) => {
    started.set(`first ${input.n}`, Date.now());
    return input.n;
  })
  .step({ slug: 'second', dependsOn: ['first'] }, (deps) => {
    started.set(`second ${deps.first}`, Date.now());
    return deps.first * 10;
  });

/** Every run of `flowSlug` whose input `n` is listed has status `completed`. */
async function runsCompleted(db: SqlClient, flowSlug: string, ns: number[]): Promise<void> {
  const rows = await db.query<{ n: number; status: string }>(
    `select (input ->> 'n')::int as n, status from pgflow.runs where flow_slug = $1::text
      and (input ->> 'n')::int = any($2::int[]) order by 1`,
    [flowSlug, ns],
  );
  expect(rows).toEqual(ns.map((n) => ({ n, status: 'completed' })));
}

/** Resolves when every run of `runIds` has completed on `worker`. */
function completionOf(worker: Worker, runIds: string[]): Promise<void> {
  const left = new Set(runIds);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`runs not completed: ${[...left].join(', ')}`)),
      20_000,
    );
    const offs = [
      worker.events.on('run:completed', (e) => {
        left.delete(e.runId);
        if (left.size === 0) done();
      }),
      worker.events.on('run:failed', (e) => {
        if (left.has(e.runId)) reject(new Error(`run ${e.runId} failed`));
      }),
    ];
    function done() {
      clearTimeout(timer);
      for (const off of offs) off();
      resolve();
    }
  });
}

/** Queue and archive rows, whole, by msg id. */
async function queueRows(db: SqlClient, table: string): Promise<unknown[]> {
  const rows = await db.query<{ row: unknown }>(
    `select to_jsonb(t) as row from pgmq.${table} as t order by msg_id`,
  );
  return rows.map((r) => r.row);
}

async function triggersOn(db: SqlClient, table: string): Promise<string[]> {
  const rows = await db.query<{ tgname: string }>(
    `select tgname from pg_trigger where tgrelid = $1::regclass and not tgisinternal order by 1`,
    [`pgmq.${table}`],
  );
  return rows.map((r) => r.tgname);
}

async function snapshot(db: SqlClient) {
  return {
    q_switch_job: await queueRows(db, 'q_switch_job'),
    a_switch_job: await queueRows(db, 'a_switch_job'),
    q_switch_flow: await queueRows(db, 'q_switch_flow'),
    a_switch_flow: await queueRows(db, 'a_switch_flow'),
    q_switch_spare: await queueRows(db, 'q_switch_spare'),
    tasks: await db.query(
      `select run_id, step_slug, task_index, status, message_id from pgflow.step_tasks
        order by run_id, step_slug, task_index`,
    ),
  };
}

async function lastMsgId(db: SqlClient, queue: string): Promise<number> {
  const [row] = await db.query<{ total: number }>(
    'select total_messages as total from pgmq.metrics($1::text)',
    [queue],
  );
  return Number(row?.total);
}

describe('install: switching from the pgmq-compatible layer to the pgmq extension', () => {
  let db: TestDatabase;
  let client: SqlClient | undefined;
  let worker: Worker | undefined;
  let offered: string;
  let before: Awaited<ReturnType<typeof snapshot>>;
  let lastIds: { switch_job: number; switch_flow: number };
  let first: InstallResult;
  const compatUrl = () => withPgmqFlavour(db.url, 'compat');
  const defaultUrl = () => withPgmqFlavour(db.url, null);

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await worker?.stop();
    await client?.end();
    await db?.drop();
  });

  it('installs the layer when the connection forces it, and reports the extension the server offers', async () => {
    client = createPostgresJsClient(compatUrl());
    const [available] = await client.query<{ version: string | null }>(
      `select default_version as version from pg_available_extensions where name = 'pgmq'`,
    );
    if (!available?.version) throw new Error('this test needs the pgmq extension on the server');
    offered = available.version;

    first = await install(client);
    expect(first.applied).toEqual(migrations.map((m) => m.file));
    expect(first.pgmq).toEqual({
      flavour: 'compat',
      version: '1.5.1',
      extensionAvailable: offered,
    });
    expect(await client.query(`select 1 from pg_extension where extname = 'pgmq'`)).toEqual([]);
  });

  it('has work queued on the layer: done, waiting, and queues with either kind of insert notification', async () => {
    if (!client) throw new Error('no client');
    // A notify worker ran once: switch_job has pgflow's trigger, and job 1 is done (archived).
    const notifyWorker = createWorker({
      sql: client,
      jobs: [SwitchJob],
      signal: 'notify',
      stalledCheckIntervalMs: 0,
    });
    await notifyWorker.start();
    const run1 = await enqueue(client, SwitchJob, { n: 1 });
    await completionOf(notifyWorker, [run1.run_id]);
    await notifyWorker.stop();

    // switch_flow was served by a polling worker, and has the layer's own insert notifications,
    // as earlier pgflow-ts notify workers set them up (pgmq.enable_notify_insert).
    const pollingWorker = createWorker({
      sql: client,
      flows: [SwitchFlow],
      stalledCheckIntervalMs: 0,
    });
    await pollingWorker.start();
    await pollingWorker.stop();
    await client.query(`select pgmq.enable_notify_insert('switch_flow', 0)`);

    // A plain queue, to be dropped after the switch (pgmq 1.5.x's drop_queue needs step 5).
    await pgmq.createQueue(client, 'switch_spare');
    await pgmq.send(client, 'switch_spare', { spare: true });

    // Work enqueued with no worker running.
    await enqueue(client, SwitchJob, { n: 2 });
    await enqueue(client, SwitchJob, { n: 3 }, { delay: 1 });
    await startFlow(client, SwitchFlow, { n: 4 });

    await runsCompleted(client, 'switch_job', [1]);
    expect(await triggersOn(client, 'q_switch_job')).toEqual(['pgflow_notify_insert']);
    expect(await triggersOn(client, 'q_switch_flow')).toEqual([
      'trigger_notify_queue_insert_listeners',
    ]);
    before = await snapshot(client);
    expect(before.a_switch_job).toHaveLength(1);
    expect(before.q_switch_job).toHaveLength(2);
    expect(before.q_switch_flow).toHaveLength(1);
    lastIds = {
      switch_job: await lastMsgId(client, 'switch_job'),
      switch_flow: await lastMsgId(client, 'switch_flow'),
    };
    expect(lastIds).toEqual({ switch_job: 3, switch_flow: 1 });

    // Workers stopped; their sessions end too (docs: restart long-lived connections).
    await client.end();
    client = undefined;
  });

  it('runs the documented switch: the check lists only the layer notify trigger it replaces', async () => {
    const operator = createPostgresJsClient(defaultUrl(), { postgres: { max: 1 } });
    try {
      const dependents = await operator.query<{ dependent: string }>(
        documentedSql('switch-to-extension:check'),
      );
      expect(dependents.map((d) => d.dependent)).toEqual([
        'trigger trigger_notify_queue_insert_listeners on table pgmq.q_switch_flow',
      ]);
      const procedure = documentedSql('switch-to-extension');
      expect(procedure).toMatch(/^begin;/m);
      expect(procedure).toMatch(/^commit;/m);
      await operator.exec(procedure);
    } finally {
      await operator.end();
    }
  });

  it('installing again applies nothing and reports the extension; re-applying the pgmq migration changes nothing', async () => {
    client = createPostgresJsClient(defaultUrl());
    const again = await install(client);
    expect(again.applied).toEqual([]);
    expect(again.skipped).toEqual(first.applied);
    expect(again.pgmq).toEqual({
      flavour: 'extension',
      version: offered,
      extensionAvailable: null,
    });

    const pgmqMigration = migrations.find((m) => m.name === 'pgmq');
    if (!pgmqMigration) throw new Error('no pgmq migration');
    const fingerprint = await catalogFingerprint(client);
    await client.transaction((tx) => tx.exec(pgmqMigration.sql));
    expect(await catalogFingerprint(client)).toEqual(fingerprint);
  });

  it('keeps every message with its msg id, the triggers, and extension membership; drop_queue works', async () => {
    if (!client) throw new Error('no client');
    expect(await snapshot(client)).toEqual(before);
    expect(await triggersOn(client, 'q_switch_job')).toEqual(['pgflow_notify_insert']);
    expect(await triggersOn(client, 'q_switch_flow')).toEqual(['pgflow_notify_insert']);
    expect(
      await client.query<{ queue_name: string; total_messages: number }>(
        `select queue_name, total_messages from pgmq.metrics_all() order by 1`,
      ),
    ).toEqual([
      { queue_name: 'switch_flow', total_messages: 1 },
      { queue_name: 'switch_job', total_messages: 3 },
      { queue_name: 'switch_spare', total_messages: 1 },
    ]);
    const members = await client.query<{ member: string }>(
      `select c.oid::regclass::text as member from pg_depend d join pg_class c on c.oid = d.objid
        where d.classid = 'pg_class'::regclass and d.deptype = 'e'
          and d.refobjid = (select oid from pg_extension where extname = 'pgmq')
          and c.relname like '%switch_job%' order by 1`,
    );
    expect(members.map((m) => m.member)).toEqual([
      'pgmq.a_switch_job',
      'pgmq.q_switch_job',
      'pgmq.q_switch_job_msg_id_seq',
    ]);
    expect(await client.query(`select pgmq.drop_queue('switch_spare') as dropped`)).toEqual([
      { dropped: true },
    ]);
    expect(await client.query(`select to_regclass('pgmq.q_switch_spare') is null as gone`)).toEqual(
      [{ gone: true }],
    );
  });

  it('a notify worker started afterwards runs the queued work, then new work, woken by notifications', async () => {
    if (!client) throw new Error('no client');
    const heard = { switch_job: 0, switch_flow: 0 };
    const listeners = [
      await client.listen(pgmq.insertChannel('switch_job'), () => void heard.switch_job++),
      await client.listen(pgmq.insertChannel('switch_flow'), () => void heard.switch_flow++),
    ];
    try {
      // No pushed tasks and a fallback poll far beyond the test's limits: after its first empty
      // poll, only an insert notification can wake the worker in time.
      worker = createWorker({
        sql: client,
        jobs: [SwitchJob],
        flows: [SwitchFlow],
        signal: 'notify',
        pushTasks: false,
        notifyFallbackMs: 120_000,
        stalledCheckIntervalMs: 0,
      });
      const idle = idleTracker(worker);
      const queued = await client.query<{ run_id: string }>(
        `select run_id from pgflow.runs where status = 'started' order by run_id`,
      );
      const queuedDone = completionOf(
        worker,
        queued.map((r) => r.run_id),
      );
      await worker.start();
      await queuedDone;
      await runsCompleted(client, 'switch_job', [1, 2, 3]);
      await runsCompleted(client, 'switch_flow', [4]);
      // The second step of run 4 was sent after the switch: its id continues the old ones.
      const [second4] = await client.query<{ message_id: number }>(
        `select t.message_id from pgflow.step_tasks t join pgflow.runs r using (run_id)
          where t.step_slug = 'second' and (r.input ->> 'n')::int = 4`,
      );
      expect(second4?.message_id).toBe(lastIds.switch_flow + 1);
      expect(heard.switch_flow).toBeGreaterThanOrEqual(1);

      // New work on each queue, once the worker idles there: woken by the notification, and
      // sent with the next msg id (switch_flow's second step of run 4 took the first new one).
      const db = client;
      for (const [queue, key, msgId, send] of [
        [
          'switch_job',
          'job 5',
          lastIds.switch_job + 1,
          (runId: string) => enqueue(db, SwitchJob, { n: 5 }, { runId }),
        ],
        [
          'switch_flow',
          'first 6',
          lastIds.switch_flow + 2,
          (runId: string) => startFlow(db, SwitchFlow, { n: 6 }, { runId }),
        ],
      ] as const) {
        await idle(queue);
        const heardBefore = heard[queue];
        const runId = randomUUID();
        const done = completionOf(worker, [runId]);
        const sent = Date.now();
        await send(runId);
        await done;
        expect((started.get(key) ?? Number.POSITIVE_INFINITY) - sent).toBeLessThan(3000);
        expect(heard[queue]).toBeGreaterThan(heardBefore);
        const [task] = await db.query<{ message_id: number }>(
          `select message_id from pgflow.step_tasks where run_id = $1::uuid and task_index = 0
            order by step_slug = 'first' desc limit 1`,
          [runId],
        );
        expect(task?.message_id).toBe(msgId);
      }
      await runsCompleted(client, 'switch_job', [1, 2, 3, 5]);
      await runsCompleted(client, 'switch_flow', [4, 6]);
    } finally {
      for (const l of listeners) await l.unlisten();
    }
  });
});

/**
 * `idle(queue)` resolves once the worker's last claim on `queue` found less than it asked for:
 * its loop there then sleeps until woken (a notification, or the fallback poll, 120 s here).
 */
function idleTracker(worker: Worker): (queue: string) => Promise<void> {
  const last = new Map<string, { requested: number; claimed: number }>();
  const waiting = new Set<() => void>();
  worker.events.on('poll', (p) => {
    last.set(p.queue, p);
    for (const check of waiting) check();
  });
  return (queue) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`the worker did not go idle on ${queue}`));
      }, 20_000);
      function check() {
        const p = last.get(queue);
        if (!p || p.claimed >= p.requested) return;
        clearTimeout(timer);
        waiting.delete(check);
        resolve();
      }
      waiting.add(check);
      check();
    });
}
