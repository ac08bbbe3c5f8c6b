import { Flow, Job } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  createPgflow,
  createWorker,
  enqueue,
  startFlow,
  startFlowSync,
  type Worker,
} from '../src/index';
import { createMigratedDatabase, eventually, type MigratedDatabase } from './helpers/migrated';

const Diamond = new Flow<{ n: number }>({ slug: 'diamond' })
  .step({ slug: 'root' }, (input) => input.n)
  .step({ slug: 'left', dependsOn: ['root'] }, (deps) => deps.root + 1)
  .step({ slug: 'right', dependsOn: ['root'] }, (deps) => deps.root * 10)
  .step({ slug: 'join', dependsOn: ['left', 'right'] }, (deps) => ({
    sum: deps.left + deps.right,
  }));

const Squares = new Flow<number[]>({ slug: 'squares' }).map({ slug: 'sq' }, (n) => n * n);

const Words = new Flow<{ text: string }>({ slug: 'words' })
  .array({ slug: 'split' }, (input) => input.text.split(' '))
  .map({ slug: 'upper', array: 'split' }, (word) => word.toUpperCase())
  .step({ slug: 'count', dependsOn: ['upper'] }, (deps) => deps.upper.length);

const Branches = new Flow<{ kind: string }>({ slug: 'branches' })
  .step({ slug: 'a', if: { kind: 'a' } }, () => 'ran a')
  .step({ slug: 'b', if: { kind: 'b' }, whenUnmet: 'skip-cascade' }, () => 'ran b')
  .step({ slug: 'after_b', dependsOn: ['b'] }, () => 'after b')
  .step({ slug: 'always', dependsOn: ['a'] }, (deps) => ({ sawA: 'a' in deps }));

let attemptsSeen: number[] = [];
const Flaky = new Flow<{ failTimes: number }>({ slug: 'flaky', maxAttempts: 3, baseDelay: 1 }).step(
  { slug: 'try' },
  (input, ctx) => {
    attemptsSeen.push(ctx.attempt);
    if (ctx.attempt <= input.failTimes) throw new TypeError(`attempt ${ctx.attempt} failed`);
    return { ok: ctx.attempt };
  },
);

const Slow = new Flow<{ ms: number }>({ slug: 'slow', maxAttempts: 1, timeout: 3 }).step(
  { slug: 'sleep' },
  (input, ctx) =>
    new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => resolve('woke'), input.ms);
      ctx.signal.addEventListener('abort', () => {
        clearTimeout(t);
        reject(ctx.signal.reason);
      });
    }),
);

/** Never reads its signal, never settles: the timeout alone must end it. */
let deafContext: { signal: AbortSignal } | undefined;
const Deaf = new Flow<Record<string, never>>({ slug: 'deaf', maxAttempts: 1, timeout: 3 }).step(
  { slug: 'hang' },
  (_input, ctx) => {
    deafContext = ctx;
    return new Promise<string>(() => {});
  },
);

const Falsy = new Flow<Record<string, never>>({ slug: 'falsy' })
  .step({ slug: 'zero' }, () => 0)
  .step({ slug: 'no', dependsOn: ['zero'] }, () => false)
  .step({ slug: 'empty', dependsOn: ['no'] }, () => '');

const Email = new Job<{ to: string }>({ slug: 'email' }, (input) => ({ sent: input.to }));

describe('worker: flows and jobs end to end', () => {
  let db: MigratedDatabase;
  let worker: Worker;
  const events: string[] = [];

  beforeAll(async () => {
    db = await createMigratedDatabase();
    worker = createWorker({
      sql: db.client,
      flows: [Diamond, Squares, Words, Branches, Flaky, Slow, Deaf, Falsy],
      jobs: [Email],
      maxConcurrent: 20,
      stalledCheckIntervalMs: 0,
    });
    for (const name of [
      'worker:started',
      'task:started',
      'task:completed',
      'task:retry',
      'task:failed',
      'run:completed',
      'run:failed',
    ] as const) {
      worker.events.on(name, () => events.push(name));
    }
    await worker.start();
  });
  afterAll(async () => {
    await worker?.stop();
    await db?.dispose();
  });

  it('runs a diamond: both branches see root, the join sees both', async () => {
    const run = await startFlowSync(db.client, Diamond, { n: 4 }, { timeout: 20 });
    expect(run.status).toBe('completed');
    expect(run.output).toEqual({ join: { sum: 45 } });
  });

  it('maps over a root array of 1000 items and keeps the order', async () => {
    const input = Array.from({ length: 1000 }, (_, i) => i);
    const run = await startFlowSync(db.client, Squares, input, { timeout: 60 });
    expect(run.status).toBe('completed');
    expect(run.output).toEqual({ sq: input.map((n) => n * n) });
  });

  it('maps over a dependency output', async () => {
    const run = await startFlowSync(db.client, Words, { text: 'a b c d' });
    expect(run.output).toEqual({ count: 4 });
    const [state] = await db.client.query<{ output: unknown }>(
      "select output from pgflow.step_states where run_id = $1::uuid and step_slug = 'upper'",
      [run.run_id],
    );
    expect(state?.output).toEqual(['A', 'B', 'C', 'D']);
  });

  it('skips an unmet condition, and skip-cascade skips the dependents too', async () => {
    const run = await startFlowSync(db.client, Branches, { kind: 'a' });
    expect(run.status).toBe('completed');
    expect(run.output).toEqual({ always: { sawA: true } });
    const states = await db.client.query<{
      step_slug: string;
      status: string;
      skip_reason: string | null;
    }>(
      'select step_slug, status, skip_reason from pgflow.step_states where run_id = $1::uuid order by step_slug',
      [run.run_id],
    );
    expect(states).toEqual([
      { step_slug: 'a', status: 'completed', skip_reason: null },
      { step_slug: 'after_b', status: 'skipped', skip_reason: 'dependency_skipped' },
      { step_slug: 'always', status: 'completed', skip_reason: null },
      { step_slug: 'b', status: 'skipped', skip_reason: 'condition_unmet' },
    ]);
  });

  it('retries a failed task after floor(baseDelay * 2^attempt) seconds and then succeeds', async () => {
    attemptsSeen = [];
    const started = Date.now();
    const run = await startFlowSync(db.client, Flaky, { failTimes: 1 }, { timeout: 20 });
    expect(run.status).toBe('completed');
    expect(run.output).toEqual({ try: { ok: 2 } });
    expect(attemptsSeen).toEqual([1, 2]);
    // First retry waits 2 × baseDelay = 2 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    const [task] = await db.client.query<{ attempts_count: number; error_message: string }>(
      'select attempts_count, error_message from pgflow.step_tasks where run_id = $1::uuid',
      [run.run_id],
    );
    expect(task?.attempts_count).toBe(2);
    expect(task?.error_message).toMatch(/^TypeError: attempt 1 failed\n\s+at /);
  });

  it('fails the run after maxAttempts, keeping the error', async () => {
    attemptsSeen = [];
    const run = await startFlowSync(db.client, Flaky, { failTimes: 5 }, { timeout: 30 });
    expect(run.status).toBe('failed');
    expect(attemptsSeen).toEqual([1, 2, 3]);
    const [state] = await db.client.query<{ status: string; error_message: string }>(
      'select status, error_message from pgflow.step_states where run_id = $1::uuid',
      [run.run_id],
    );
    expect(state?.status).toBe('failed');
    expect(state?.error_message).toMatch(/^TypeError: attempt 3 failed/);
  });

  /** The run's one task failed with its step's 3 s timeout. */
  async function expectTimedOut(runId: string) {
    const [task] = await db.client.query<{ error_message: string }>(
      'select error_message from pgflow.step_tasks where run_id = $1::uuid',
      [runId],
    );
    expect(task?.error_message).toMatch(/^TaskTimeoutError: Task timed out after 3s/);
  }

  it('aborts a handler past its timeout and fails its task', async () => {
    const started = Date.now();
    const run = await startFlowSync(db.client, Slow, { ms: 30_000 }, { timeout: 10 });
    expect(run.status).toBe('failed');
    expect(Date.now() - started).toBeLessThan(7000);
    await expectTimedOut(run.run_id);
  });

  it('fails a handler past its timeout that never looks at its signal', async () => {
    const started = Date.now();
    const run = await startFlowSync(db.client, Deaf, {}, { timeout: 10 });
    expect(run.status).toBe('failed');
    expect(Date.now() - started).toBeLessThan(7000);
    await expectTimedOut(run.run_id);
    // Its signal, first read after the timeout, is already aborted with the timeout.
    const signal = deafContext?.signal;
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toMatchObject({ name: 'TaskTimeoutError', timeoutSeconds: 3 });
  });

  it('stores falsy outputs as they are', async () => {
    const run = await startFlowSync(db.client, Falsy, {});
    expect(run.output).toEqual({ empty: '' });
    const outputs = await db.client.query<{ step_slug: string; output: unknown }>(
      'select step_slug, output from pgflow.step_states where run_id = $1::uuid order by step_slug',
      [run.run_id],
    );
    expect(outputs).toEqual([
      { step_slug: 'empty', output: '' },
      { step_slug: 'no', output: false },
      { step_slug: 'zero', output: 0 },
    ]);
  });

  it('runs a job enqueued with a delay only after the delay', async () => {
    const enqueued = Date.now();
    const run = await enqueue(db.client, Email, { to: 'a@example.com' }, { delay: 2 });
    const done = await eventually(async () => {
      const [row] = await db.client.query<{ status: string; output: unknown; started_at: string }>(
        `select r.status, r.output, t.started_at from pgflow.runs r join pgflow.step_tasks t using (run_id)
          where r.run_id = $1::uuid and r.status = 'completed'`,
        [run.run_id],
      );
      return row;
    });
    expect(done.output).toEqual({ job: { sent: 'a@example.com' } });
    const marked = await db.client.query(
      "select flow_slug from pgflow.jobs where flow_slug = 'email'",
    );
    expect(marked).toHaveLength(1);
    expect(new Date(done.started_at).getTime() - enqueued).toBeGreaterThanOrEqual(1500);
  });

  it('emitted every telemetry event kind along the way', () => {
    expect(new Set(events)).toEqual(
      new Set([
        'worker:started',
        'task:started',
        'task:completed',
        'task:retry',
        'task:failed',
        'run:completed',
        'run:failed',
      ]),
    );
  });

  it('starts runs without waiting', async () => {
    const run = await startFlow(db.client, 'diamond', { n: 1 });
    expect(run.status).toBe('started');
  });
});

describe('createPgflow: the run API bound to a client', () => {
  it('types runs by the flow and rejects with RUN_TIMEOUT when no worker serves it', async () => {
    const db = await createMigratedDatabase(4);
    try {
      const pgflow = createPgflow(db.client);
      const Lonely = new Flow<{ n: number }>({ slug: 'lonely' }).step(
        { slug: 'double' },
        (i) => i.n * 2,
      );
      await db.client.query(`select pgflow.create_flow('lonely')`);
      await db.client.query(`select pgflow.add_step('lonely', 'double')`);
      const run = await pgflow.startFlow(Lonely, { n: 2 });
      expectTypeOf(run.input).toEqualTypeOf<{ n: number }>();
      expectTypeOf(run.output).toEqualTypeOf<{ double: number } | null>();
      expect(run.status).toBe('started');
      await expect(pgflow.waitForRun(run.run_id, { timeout: 1 })).rejects.toMatchObject({
        code: 'RUN_TIMEOUT',
      });
      expect((await pgflow.getRunWithStates(run.run_id))?.steps).toHaveLength(1);
      expect((await pgflow.getRun(run.run_id))?.status).toBe('started');
    } finally {
      await db.dispose();
    }
  });
});
