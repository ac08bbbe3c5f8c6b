import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, type Worker } from '../src/index';
import * as pgmq from '../src/sql/pgmq';
import { validateRetryConfig } from '../src/worker/queue-task';
import { createMigratedDatabase, eventually, type MigratedDatabase } from './helpers/migrated';

describe('worker: plain pgmq queues', () => {
  let db: MigratedDatabase;
  let worker: Worker;
  const seen: unknown[] = [];
  let failures = 0;

  beforeAll(async () => {
    db = await createMigratedDatabase();
    worker = createWorker({
      sql: db.client,
      stalledCheckIntervalMs: 0,
      queues: [
        { queue: 'emails', handler: (message) => void seen.push(message) },
        {
          queue: 'flaky',
          retry: { strategy: 'fixed', limit: 1, baseDelay: 1 },
          handler: () => {
            failures++;
            throw new RangeError('always broken');
          },
        },
        {
          queue: 'slow',
          visibilityTimeout: 1,
          handler: () => new Promise((resolve) => setTimeout(resolve, 2500)),
        },
      ],
    });
    await worker.start();
  });
  afterAll(async () => {
    await worker?.stop();
    await db?.dispose();
  });

  it('starts two workers of one new queue together (one creates it, the other waits)', async () => {
    const workers = [1, 2].map(() =>
      createWorker({
        sql: db.client,
        stalledCheckIntervalMs: 0,
        queues: [{ queue: 'raced', handler: () => {} }],
      }),
    );
    try {
      await Promise.all(workers.map((w) => w.start()));
      const queues = await db.client.query(
        "select queue_name from pgmq.list_queues() where queue_name = 'raced'",
      );
      expect(queues).toHaveLength(1);
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
  });

  it('creates the queues and archives each handled message', async () => {
    const id = await pgmq.send(db.client, 'emails', { to: 'x@example.com' });
    await eventually(async () => seen.length === 1);
    expect(seen).toEqual([{ to: 'x@example.com' }]);
    const archived = await eventually(
      async () =>
        (
          await db.client.query('select msg_id from pgmq.a_emails where msg_id = $1::bigint', [id])
        )[0],
    );
    expect(archived).toBeTruthy();
  });

  it('retries per the retry config, then archives the message with its last error', async () => {
    const id = await pgmq.send(db.client, 'flaky', { n: 1 });
    const row = await eventually(
      async () =>
        (
          await db.client.query<{ read_ct: number; headers: { error: string } }>(
            'select read_ct, headers from pgmq.a_flaky where msg_id = $1::bigint',
            [id],
          )
        )[0],
    );
    expect(failures).toBe(2);
    expect(row.read_ct).toBe(2);
    expect(row.headers.error).toMatch(/^RangeError: always broken/);
  });

  it('keeps a message invisible while its handler outlives the visibility timeout', async () => {
    const id = await pgmq.send(db.client, 'slow', {});
    const row = await eventually(
      async () =>
        (
          await db.client.query<{ read_ct: number }>(
            'select read_ct from pgmq.a_slow where msg_id = $1::bigint',
            [id],
          )
        )[0],
    );
    expect(row.read_ct).toBe(1);
  });

  it('rejects a bad retry config with the documented text', () => {
    expect(() =>
      validateRetryConfig({ strategy: 'fixed', limit: 1, baseDelay: 1, maxDelay: 5 } as never),
    ).toThrow('maxDelay is only valid for exponential strategy');
    expect(() => validateRetryConfig({ strategy: 'exponential', limit: 51, baseDelay: 1 })).toThrow(
      'For exponential strategy, limit must not exceed 50 to prevent calculation overflow',
    );
    expect(() => validateRetryConfig({ strategy: 'linear' } as never)).toThrow(
      "Invalid retry strategy: linear. Must be 'fixed' or 'exponential'",
    );
  });
});
