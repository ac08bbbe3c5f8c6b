/**
 * Acceptance 4: a run started with `pgflow.start_flow` inside the caller's own transaction is
 * picked up only after that transaction commits, and never after a rollback.
 */
import { randomBytes } from 'node:crypto';
import { install, type SqlClient } from '@pgflow-ts/core';
import { createPostgresJsClient } from '@pgflow-ts/core/postgres-js';
import { Flow } from '@pgflow-ts/dsl';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeWorker, startWorker } from '../src/index';

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const handled: number[] = [];
const TxFlow = new Flow<{ n: number }>({ slug: 'tx_start' }).step({ slug: 'echo' }, (input) => {
  handled.push(input.n);
  return input.n;
});

async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}

describe('start_flow inside a user transaction', () => {
  const name = `h_deno_${randomBytes(6).toString('hex')}`;
  const url = Object.assign(new URL(BASE_URL), { pathname: `/${name}` }).toString();
  let admin: SqlClient;
  let db: SqlClient;
  let sql: postgres.Sql;
  let worker: NodeWorker | undefined;

  beforeAll(async () => {
    admin = createPostgresJsClient(BASE_URL, { postgres: { max: 1 } });
    await admin.query(`create database "${name}"`);
    db = createPostgresJsClient(url, { postgres: { max: 3 } });
    await install(db);
    sql = postgres(url, { max: 3, onnotice: () => {} });
    // Polls at least every 100 ms, so a visible task would be claimed well within the 1 s wait.
    worker = await startWorker({
      connection: url,
      flows: [TxFlow],
      handleSignals: false,
      maxPollIntervalMs: 100,
      stalledCheckIntervalMs: 0,
    });
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await worker?.closed;
    await sql?.end({ timeout: 5 });
    await db?.end();
    await admin?.query(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin?.end();
  }, 60_000);

  const runStatus = async (runId: string) => {
    const [row] = await db.query<{ status: string }>(
      'select status from pgflow.runs where run_id = $1::uuid',
      [runId],
    );
    return row?.status;
  };

  it('is invisible to the worker until COMMIT, then completes', async () => {
    let runId = '';
    await sql.begin(async (tx) => {
      const [run] =
        await tx`select run_id::text from pgflow.start_flow('tx_start', ${tx.json({ n: 1 })})`;
      runId = String(run?.run_id);
      await sleep(1000);
      // Inside the transaction the task exists and is still queued; outside, nothing exists.
      const [task] =
        await tx`select status, attempts_count from pgflow.step_tasks where run_id = ${runId}::uuid`;
      expect(task).toEqual({ status: 'queued', attempts_count: 0 });
      expect(await runStatus(runId)).toBeUndefined();
      expect(handled).toEqual([]);
    });

    await eventually(async () => (await runStatus(runId)) === 'completed');
    expect(handled).toEqual([1]);
    const [task] = await db.query<{ status: string; attempts_count: number }>(
      'select status, attempts_count from pgflow.step_tasks where run_id = $1::uuid',
      [runId],
    );
    expect(task).toEqual({ status: 'completed', attempts_count: 1 });
  }, 30_000);

  it('never appears after ROLLBACK', async () => {
    let runId = '';
    const rolledBack = new Error('rollback on purpose');
    await expect(
      sql.begin(async (tx) => {
        const [run] =
          await tx`select run_id::text from pgflow.start_flow('tx_start', ${tx.json({ n: 2 })})`;
        runId = String(run?.run_id);
        await sleep(500);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);

    await sleep(1500);
    expect(runId).not.toBe('');
    expect(await runStatus(runId)).toBeUndefined();
    const [left] = await db.query<{ tasks: number; messages: number; archived: number }>(
      `select (select count(*) from pgflow.step_tasks where run_id = $1::uuid)::int as tasks,
              (select count(*) from pgmq.q_tx_start where message->>'run_id' = $1::text)::int as messages,
              (select count(*) from pgmq.a_tx_start where message->>'run_id' = $1::text)::int as archived`,
      [runId],
    );
    expect(left).toEqual({ tasks: 0, messages: 0, archived: 0 });
    expect(handled).toEqual([1]);
  }, 30_000);
});
