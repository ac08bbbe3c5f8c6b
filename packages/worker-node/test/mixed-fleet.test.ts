/**
 * Acceptance 2: one database, one flow with a map step, three runtimes serving its queue side by
 * side: a Node worker (in this process), a Deno worker (`deno run` child) and the example edge
 * function (`deno serve` child, started by an authenticated POST). 1,000 runs must all complete,
 * every task must run exactly once, and each runtime must take at least 10% of the tasks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { install, type SqlClient } from '@pgflow-ts/core';
import { createPostgresJsClient } from '@pgflow-ts/core/postgres-js';
import { Flow } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeWorker, startWorker } from '../src/index';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DENO = `${ROOT}node_modules/.bin/deno`;
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = `fleet-${randomBytes(8).toString('hex')}`;
const RUNS = 1000;
const ITEMS = [1, 2];
const TASKS = RUNS * (ITEMS.length + 1);

// Same slug and shape as supabase/functions/_shared/example-flows.ts, which the Deno worker and
// the edge function serve (a Node package may not import from outside its rootDir).
const ExampleSquares = new Flow<number[]>({ slug: 'example_squares' })
  .map({ slug: 'square' }, async (n) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return n * n;
  })
  .step({ slug: 'total', dependsOn: ['square'] }, (deps) =>
    deps.square.reduce((sum, n) => sum + n, 0),
  );

const children: { name: string; proc: ChildProcess; output: string[] }[] = [];

function spawnDeno(name: string, args: string[], env: Record<string, string>) {
  const proc = spawn(DENO, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
  const output: string[] = [];
  proc.stdout?.on('data', (chunk) => output.push(String(chunk)));
  proc.stderr?.on('data', (chunk) => output.push(String(chunk)));
  children.push({ name, proc, output });
  return { proc, output };
}

async function stopChild(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function eventually<T>(
  what: string,
  check: () => Promise<T>,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) {
      const logs = children
        .map((c) => `--- ${c.name}\n${c.output.join('').slice(-2000)}`)
        .join('\n');
      throw new Error(`${what}: not within ${timeoutMs} ms\n${logs}`);
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('mixed fleet: Node worker, Deno worker and edge function on one queue', () => {
  const name = `h_deno_${randomBytes(6).toString('hex')}`;
  const url = Object.assign(new URL(BASE_URL), { pathname: `/${name}` }).toString();
  let admin: SqlClient;
  let db: SqlClient;
  let nodeWorker: NodeWorker | undefined;

  beforeAll(async () => {
    admin = createPostgresJsClient(BASE_URL, { postgres: { max: 1 } });
    await admin.query(`create database "${name}"`);
    db = createPostgresJsClient(url, { postgres: { max: 5 } });
    const { pgmq } = await install(db);
    // scripts/test.sh runs this once per pgmq flavour: the fleet must work on both.
    expect(pgmq.flavour).toBe(process.env.PGFLOW_TEST_PGMQ ?? pgmq.flavour);

    // The Node worker starts first and compiles the flow for everyone.
    nodeWorker = await startWorker({
      connection: url,
      flows: [ExampleSquares],
      functionName: 'fleet-node',
      handleSignals: false,
      stalledCheckIntervalMs: 0,
    });

    const deno = spawnDeno(
      'deno worker',
      ['run', '-A', 'packages/worker-deno/examples/worker.ts'],
      {
        PGFLOW_DATABASE_URL: url,
        DATABASE_URL: url,
        PGFLOW_FUNCTION_NAME: 'fleet-deno',
      },
    );
    const port = await freePort();
    const edge = `http://127.0.0.1:${port}`;
    spawnDeno(
      'edge function',
      [
        'serve',
        '-A',
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        'supabase/functions/pgflow-example/index.ts',
      ],
      {
        EDGE_WORKER_DB_URL: url,
        PGFLOW_AUTH_SECRET: SECRET,
        PGFLOW_DATABASE_URL: '',
        DATABASE_URL: '',
      },
    );
    await eventually(
      'deno worker running',
      async () => deno.output.join('').includes('worker running'),
      60_000,
    );
    await eventually(
      'edge function listening',
      async () => (await fetch(`${edge}/pgflow-example/health`)).ok,
      60_000,
    );

    const res = await fetch(`${edge}/pgflow-example`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'started', functionName: 'pgflow-example' });
  }, 120_000);

  afterAll(async () => {
    await nodeWorker?.stop();
    await nodeWorker?.closed;
    await Promise.all(children.map((c) => stopChild(c.proc)));
    await db?.end();
    await admin?.query(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin?.end();
  }, 60_000);

  it('completes 1,000 runs, runs every task once, and spreads tasks over all three runtimes', async () => {
    const live = await db.query<{ function_name: string }>(
      'select function_name from pgflow.workers where stopped_at is null order by function_name',
    );
    expect(live.map((r) => r.function_name)).toEqual([
      'fleet-deno',
      'fleet-node',
      'pgflow-example',
    ]);

    await db.query(
      `select count(*) from (select pgflow.start_flow('example_squares', $1::jsonb) from generate_series(1, $2::int)) s`,
      [ITEMS, RUNS],
    );
    await eventually(
      'all runs completed',
      async () => {
        const [row] = await db.query<{ done: number }>(
          "select count(*)::int as done from pgflow.runs where status = 'completed'",
        );
        return row?.done === RUNS;
      },
      100_000,
      250,
    );

    const [runs] = await db.query<{ n: number; right: number }>(
      `select count(*)::int as n, count(*) filter (where output = '{"total": 5}'::jsonb)::int as right
         from pgflow.runs`,
    );
    expect(runs).toEqual({ n: RUNS, right: RUNS });

    const [tasks] = await db.query<{ n: number; completed: number; once: number }>(
      `select count(*)::int as n,
              count(*) filter (where status = 'completed')::int as completed,
              count(*) filter (where attempts_count = 1)::int as once
         from pgflow.step_tasks`,
    );
    expect(tasks).toEqual({ n: TASKS, completed: TASKS, once: TASKS });

    const share = await db.query<{ function_name: string; tasks: number }>(
      `select w.function_name, count(*)::int as tasks
         from pgflow.step_tasks t join pgflow.workers w on w.worker_id = t.last_worker_id
        group by w.function_name order by w.function_name`,
    );
    console.info(
      `tasks per runtime: ${share.map((s) => `${s.function_name}=${s.tasks}`).join(' ')}`,
    );
    expect(share.map((s) => s.function_name)).toEqual([
      'fleet-deno',
      'fleet-node',
      'pgflow-example',
    ]);
    for (const runtime of share) expect(runtime.tasks).toBeGreaterThanOrEqual(TASKS / 10);
    expect(share.reduce((sum, s) => sum + s.tasks, 0)).toBe(TASKS);
  }, 120_000);
});
