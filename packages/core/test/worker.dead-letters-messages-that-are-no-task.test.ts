import { Job } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, enqueue, type Worker, type WorkerEvents } from '../src/index';
import * as pgmq from '../src/sql/pgmq';
import { createMigratedDatabase, eventually, type MigratedDatabase } from './helpers/migrated';

// A message of a job's (or flow's) queue that is no task of a run is read like any other, then,
// at its pgflow.poison_read_limit-th read (5), moved to pgflow.dead_letters with the reason; the
// worker that moved it reports it (`message:dead-lettered`) and goes on working.
const done: number[] = [];
const Echo = new Job<{ n: number }>({ slug: 'echo' }, (input) => {
  done.push(input.n);
  return input.n;
});

const POISON: Array<[what: string, message: unknown, reason: string]> = [
  ['a string', 'hello', 'not a task message: the body is string, not an object'],
  ['a number', 42, 'not a task message: the body is number, not an object'],
  ['an object without a key', { foo: 1 }, 'not a task message: run_id is missing or not a uuid'],
  [
    'a run id that is not a uuid',
    { run_id: 'nope', step_slug: 'job', task_index: 0 },
    'not a task message: run_id is missing or not a uuid',
  ],
  [
    'the key of no task',
    { run_id: '00000000-0000-4000-8000-00000000dead', step_slug: 'job', task_index: 0 },
    'no task of this message: run 00000000-0000-4000-8000-00000000dead, step job, task 0 has no task with this message id',
  ],
];

describe('worker: messages that are no task', () => {
  let db: MigratedDatabase;
  let worker: Worker;
  const deadLettered: WorkerEvents['message:dead-lettered'][] = [];
  const errors: unknown[] = [];

  beforeAll(async () => {
    db = await createMigratedDatabase();
    worker = createWorker({
      sql: db.client,
      jobs: [Echo],
      visibilityTimeout: 1,
      heartbeatIntervalMs: 300,
      maxPollIntervalMs: 200,
      stalledCheckIntervalMs: 0,
    });
    worker.events.on('message:dead-lettered', (e) => void deadLettered.push(e));
    worker.events.on('worker:error', (e) => void errors.push(e.error));
    await worker.start();
  });
  afterAll(async () => {
    await worker?.stop();
    await db?.dispose();
  });

  it('dead-letters each kind at its 5th read, with its reason, and keeps running jobs', async () => {
    const ids = new Map<number, string>();
    for (const [what, message] of POISON)
      ids.set(await pgmq.send(db.client, 'echo', message), what);

    await eventually(async () => deadLettered.length >= POISON.length, 60_000);
    expect(deadLettered.map((e) => [ids.get(e.msgId), e.queue, e.reason]).sort()).toEqual(
      POISON.map(([what, , reason]) => [what, 'echo', reason]).sort(),
    );

    const rows = await db.client.query<{ msg_id: number; read_ct: number; message: unknown }>(
      'select msg_id, read_ct, message from pgflow.dead_letters order by msg_id',
    );
    expect(rows.map((r) => [ids.get(Number(r.msg_id)), r.read_ct, r.message])).toEqual(
      POISON.map(([what, message]) => [what, 5, message]),
    );
    const [left] = await db.client.query<{ n: number }>(
      'select count(*)::int as n from pgmq.q_echo',
    );
    expect(left?.n).toBe(0);

    await enqueue(db.client, Echo, { n: 7 });
    await eventually(async () => done.includes(7));
    expect(errors).toEqual([]);
  });
});
