import { Flow, Job } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorker,
  enqueue,
  type SqlExecutor,
  startFlowSync,
  type Worker,
  waitForRun,
} from '../src/index';
import type { WorkerEventName, WorkerEvents } from '../src/telemetry/events';
import { createMigratedDatabase, type MigratedDatabase } from './helpers/migrated';

// A running worker whose pgflow.workers row is deleted (with its flow by
// pgflow.delete_flow_and_data, or by hand) re-registers (src/worker/reregister.ts) instead of
// failing each claim on step_tasks_last_worker_id_fkey; a flow recreated with another shape
// stops it with a message that says how to proceed.

const HEARTBEAT_MS = 250;

/** Resolves with the next `name` event that satisfies `match`. */
function next<K extends WorkerEventName>(
  worker: Worker,
  name: K,
  match: (payload: WorkerEvents[K]) => boolean = () => true,
): Promise<WorkerEvents[K]> {
  return new Promise((resolve) => {
    const off = worker.events.on(name, (payload) => {
      if (!match(payload)) return;
      off();
      resolve(payload);
    });
  });
}

const fkErrorText = (error: unknown) =>
  String((error as Error)?.message ?? error).includes('step_tasks_last_worker_id_fkey');

/** Creates the flow `slug` with the given steps (each depending on the previous one). */
async function createFlowBySql(sql: SqlExecutor, slug: string, steps: string[]) {
  await sql.query('select pgflow.create_flow($1::text)', [slug]);
  for (const [i, step] of steps.entries()) {
    await sql.query('select pgflow.add_step($1::text, $2::text, $3::text[])', [
      slug,
      step,
      i === 0 ? [] : [steps[i - 1]],
    ]);
  }
}

for (const mode of ['polling', 'notify'] as const) {
  describe(`a ${mode} worker whose worker row is deleted`, () => {
    const Pair = new Flow<{ n: number }>({ slug: `rereg_pair_${mode}` })
      .step({ slug: 'first' }, (input) => input.n + 1)
      .step({ slug: 'second', dependsOn: ['first'] }, (deps) => deps.first * 2);
    const Echo = new Job<{ n: number }>({ slug: `rereg_echo_${mode}` }, (input) => input.n);

    let db: MigratedDatabase;
    let worker: Worker;
    const errors: { error: unknown; during: string }[] = [];
    const fkErrors = () => errors.filter((e) => fkErrorText(e.error)).length;

    beforeAll(async () => {
      db = await createMigratedDatabase(8);
      worker = createWorker({
        sql: db.client,
        flows: [Pair],
        jobs: [Echo],
        signal: mode,
        pushTasks: true,
        heartbeatIntervalMs: HEARTBEAT_MS,
        stalledCheckIntervalMs: 0,
      });
      worker.events.on('worker:error', (e) => errors.push(e));
      await worker.start();
      const run = await startFlowSync(db.client, Pair, { n: 1 }, { timeout: 20 });
      expect(run.status).toBe('completed');
    });
    afterAll(async () => {
      await worker?.stop();
      await db?.dispose();
    });

    it('re-creates a flow deleted with delete_flow_and_data, then runs it', async () => {
      const before = fkErrors();
      const reregistered = next(worker, 'worker:reregistered', (e) => e.queues.includes(Pair.slug));
      await db.client.query('select pgflow.delete_flow_and_data($1::text)', [Pair.slug]);
      const event = await reregistered;
      expect(event.workerIds).toEqual([worker.workerIds.get(Pair.slug)]);
      const run = await startFlowSync(db.client, Pair, { n: 2 }, { timeout: 20 });
      expect(run).toMatchObject({ status: 'completed', output: { second: 6 } });
      const [row] = await db.client.query<{ queue_name: string }>(
        'select queue_name from pgflow.workers where worker_id = $1::uuid',
        [worker.workerIds.get(Pair.slug)],
      );
      expect(row?.queue_name).toBe(Pair.slug);
      expect(fkErrors() - before).toBeLessThanOrEqual(3);
      expect(worker.state).toBe('running');
    });

    it('re-registers when the flow is deleted and created again the same, then runs it', async () => {
      const before = fkErrors();
      const reregistered = next(worker, 'worker:reregistered', (e) => e.queues.includes(Pair.slug));
      // One transaction: the worker never sees the flow missing, only its row.
      await db.client.transaction(async (tx) => {
        await tx.query('select pgflow.delete_flow_and_data($1::text)', [Pair.slug]);
        await createFlowBySql(tx, Pair.slug, ['first', 'second']);
      });
      // A run started before the worker noticed: it runs once the worker is back.
      const early = await db.client.query<{ run_id: string }>(
        `select run_id from pgflow.start_flow($1::text, '{"n": 3}'::jsonb)`,
        [Pair.slug],
      );
      await reregistered;
      const run = await waitForRun(db.client, early[0]?.run_id as string, { timeout: 20 });
      expect(run).toMatchObject({ status: 'completed', output: { second: 8 } });
      expect(fkErrors() - before).toBeLessThanOrEqual(3);
    });

    it('re-creates a deleted job, then runs it', async () => {
      const reregistered = next(worker, 'worker:reregistered', (e) => e.queues.includes(Echo.slug));
      await db.client.query('select pgflow.delete_flow_and_data($1::text)', [Echo.slug]);
      await reregistered;
      const [job] = await db.client.query('select 1 from pgflow.jobs where flow_slug = $1::text', [
        Echo.slug,
      ]);
      expect(job).toBeDefined();
      const queued = await enqueue(db.client, Echo, { n: 7 });
      const run = await waitForRun(db.client, queued.run_id, { timeout: 20 });
      expect(run).toMatchObject({ status: 'completed' });
    });

    it('re-registers a worker row deleted by hand, then runs flows and jobs', async () => {
      const before = fkErrors();
      // Both rows, in one attempt or two (a failed claim reports its queue at once).
      const seen = new Set<string>();
      const reregistered = next(worker, 'worker:reregistered', (e) => {
        for (const queue of e.queues) seen.add(queue);
        return seen.has(Pair.slug) && seen.has(Echo.slug);
      });
      await db.client.query('delete from pgflow.workers where worker_id = any($1::uuid[])', [
        [...worker.workerIds.values()],
      ]);
      const early = await db.client.query<{ run_id: string }>(
        `select run_id from pgflow.start_flow($1::text, '{"n": 4}'::jsonb)`,
        [Pair.slug],
      );
      await reregistered;
      const run = await waitForRun(db.client, early[0]?.run_id as string, { timeout: 20 });
      expect(run).toMatchObject({ status: 'completed', output: { second: 10 } });
      const queued = await enqueue(db.client, Echo, { n: 8 });
      expect(await waitForRun(db.client, queued.run_id, { timeout: 20 })).toMatchObject({
        status: 'completed',
      });
      expect(fkErrors() - before).toBeLessThanOrEqual(3);
      expect(errors.filter((e) => e.during.startsWith('re-registration'))).toEqual([]);
    });
  });

  describe(`a ${mode} worker whose flow is recreated with a different shape`, () => {
    const Old = new Flow<{ n: number }>({ slug: `rereg_shape_${mode}` }).step(
      { slug: 'only' },
      (input) => input.n,
    );
    let db: MigratedDatabase;

    beforeAll(async () => {
      db = await createMigratedDatabase(8);
    });
    afterAll(async () => {
      await db?.dispose();
    });

    it('stops, naming the flow, the differences and how to proceed', async () => {
      const worker = createWorker({
        sql: db.client,
        flows: [Old],
        signal: mode,
        heartbeatIntervalMs: HEARTBEAT_MS,
        stalledCheckIntervalMs: 0,
      });
      const errors: { error: unknown; during: string }[] = [];
      worker.events.on('worker:error', (e) => errors.push(e));
      await worker.start();
      const fatal = next(worker, 'worker:error', (e) => e.during.startsWith('re-registration'));
      await db.client.transaction(async (tx) => {
        await tx.query('select pgflow.delete_flow_and_data($1::text)', [Old.slug]);
        await createFlowBySql(tx, Old.slug, ['one', 'two']);
      });
      const { error } = await fatal;
      await worker.stopped;
      expect(worker.state).toBe('stopped');
      expect(error).toMatchObject({ code: 'FLOW_SHAPE_MISMATCH' });
      const message = (error as Error).message;
      expect(message).toContain(`Flow '${Old.slug}' was deleted and created again`);
      expect(message).toContain('To proceed');
      expect(message).toContain('Step count differs');
      // The worker did not touch the new definition.
      const steps = await db.client.query<{ step_slug: string }>(
        'select step_slug from pgflow.steps where flow_slug = $1::text order by step_index',
        [Old.slug],
      );
      expect(steps.map((s) => s.step_slug)).toEqual(['one', 'two']);
      expect(errors.filter((e) => fkErrorText(e.error)).length).toBeLessThanOrEqual(3);
    });

    it('retries at most once per heartbeat interval, one worker:error each, until the flow is back', async () => {
      const Manual = new Flow<{ n: number }>({ slug: `rereg_manual_${mode}` }).step(
        { slug: 'only' },
        (input) => input.n,
      );
      await createFlowBySql(db.client, Manual.slug, ['only']);
      const worker = createWorker({
        sql: db.client,
        flows: [Manual],
        signal: mode,
        compilation: false,
        heartbeatIntervalMs: HEARTBEAT_MS,
        stalledCheckIntervalMs: 0,
      });
      const failures: number[] = [];
      let fkFailures = 0;
      worker.events.on('worker:error', (e) => {
        if (e.during.startsWith('re-registration')) {
          expect(e.error).toMatchObject({ code: 'FLOW_NOT_COMPILED' });
          failures.push(Date.now());
        }
        if (fkErrorText(e.error)) fkFailures++;
      });
      await worker.start();
      try {
        let third!: () => void;
        const thirdFailure = new Promise<void>((resolve) => {
          third = resolve;
        });
        worker.events.on('worker:error', () => {
          if (failures.length === 3) third();
        });
        await db.client.query('select pgflow.delete_flow_and_data($1::text)', [Manual.slug]);
        await thirdFailure;
        // Attempts start an interval apart; each failure comes after its attempt's queries.
        const gaps = failures.slice(1).map((at, i) => at - (failures[i] as number));
        expect(Math.min(...gaps)).toBeGreaterThanOrEqual(HEARTBEAT_MS / 2);
        // The flow is deployed again (a migration): the worker registers and runs it.
        const reregistered = next(worker, 'worker:reregistered');
        await createFlowBySql(db.client, Manual.slug, ['only']);
        await reregistered;
        const run = await startFlowSync(db.client, Manual, { n: 5 }, { timeout: 20 });
        expect(run).toMatchObject({ status: 'completed', output: { only: 5 } });
        expect(worker.state).toBe('running');
        expect(fkFailures).toBeLessThanOrEqual(3);
      } finally {
        await worker.stop();
      }
    });
  });
}
