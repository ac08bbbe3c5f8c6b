import assert from 'node:assert/strict';
import { startFlowSync } from '@pgflow-ts/core';
import { ExampleSquares } from '../../../supabase/functions/_shared/example-flows.ts';
import {
  collectLines,
  createMigratedDatabase,
  eventually,
  type MigratedDatabase,
} from '../../worker-deno/test/helpers.ts';
import { createEdgeWorker, type EdgeLogger, type EdgeWorkerOptions } from '../src/mod.ts';

// postgres.js keeps sockets and timers that outlive a single test step.
const opts = { sanitizeOps: false, sanitizeResources: false };
const SECRET = 'test-secret-0123456789';

function capture(): EdgeLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
}

function edgeFor(db: MigratedDatabase, extra: Partial<EdgeWorkerOptions> = {}) {
  const logger = capture();
  const edge = createEdgeWorker({
    flows: [ExampleSquares],
    connection: db.url,
    env: { PGFLOW_AUTH_SECRET: SECRET },
    stalledCheckIntervalMs: 0,
    logger,
    ...extra,
  });
  return { edge, logger };
}

const post = (path: string, headers: Record<string, string> = {}) =>
  new Request(`http://edge.local${path}`, { method: 'POST', headers, body: '{}' });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function workerRows(db: MigratedDatabase) {
  return await db.client.query<{ worker_id: string; function_name: string; stopped: boolean }>(
    'select worker_id::text, function_name, stopped_at is not null as stopped from pgflow.workers order by started_at',
  );
}

Deno.test('edge-function: auth, health, start, hand-over', opts, async (t) => {
  const db = await createMigratedDatabase();
  try {
    await t.step('401 without an Authorization header, and the log says why', async () => {
      const { edge, logger } = edgeFor(db);
      const res = await edge.fetch(post('/pgflow-example'));
      assert.equal(res.status, 401);
      assert.deepEqual(await res.json(), { error: 'Unauthorized', message: 'Unauthorized' });
      assert.deepEqual(logger.lines, [
        'warn Unauthorized POST /pgflow-example: Missing Authorization header',
      ]);
      assert.equal(edge.worker, undefined);
    });

    await t.step('401 with a wrong secret or scheme, and the log says why', async () => {
      const { edge, logger } = edgeFor(db);
      for (const headers of [
        bearer('wrong'),
        bearer(`${SECRET}x`),
        { Authorization: `Basic ${SECRET}` },
      ]) {
        const res = await edge.fetch(post('/pgflow-example', headers));
        assert.equal(res.status, 401);
        assert.deepEqual(await res.json(), { error: 'Unauthorized', message: 'Unauthorized' });
      }
      assert.deepEqual(logger.lines, [
        'warn Unauthorized POST /pgflow-example: Invalid Authorization header',
        'warn Unauthorized POST /pgflow-example: Invalid Authorization header',
        'warn Unauthorized POST /pgflow-example: Invalid Authorization header',
      ]);
      assert.deepEqual(await workerRows(db), []);
    });

    await t.step(
      'SUPABASE_SERVICE_ROLE_KEY is the secret when PGFLOW_AUTH_SECRET is not set',
      async () => {
        const { edge } = edgeFor(db, {
          env: { PGFLOW_AUTH_SECRET: '', SUPABASE_SERVICE_ROLE_KEY: 'service-key' },
        });
        assert.equal((await edge.fetch(post('/fn', bearer(SECRET)))).status, 401);
        const health = await edge.fetch(new Request('http://edge.local/fn/health'));
        assert.deepEqual(await health.json(), { status: 'ok', worker: 'idle' });
      },
    );

    await t.step('500 when no secret is configured, even locally', async () => {
      const { edge, logger } = edgeFor(db, { env: {} });
      const res = await edge.fetch(post('/pgflow-example', bearer('anything')));
      assert.equal(res.status, 500);
      assert.equal((await res.json()).error, 'Internal Server Error');
      assert.match(logger.lines.join('\n'), /set PGFLOW_AUTH_SECRET or SUPABASE_SERVICE_ROLE_KEY/);
    });

    await t.step('health needs no secret and reveals only the state', async () => {
      const { edge } = edgeFor(db);
      for (const path of ['/health', '/pgflow-example/health']) {
        const res = await edge.fetch(new Request(`http://edge.local${path}`));
        assert.equal(res.status, 200);
        assert.deepEqual(await res.json(), { status: 'ok', worker: 'idle' });
      }
    });

    await t.step('200 starts one worker, keeps the isolate alive, and processes runs', async () => {
      const kept: Promise<unknown>[] = [];
      const g = globalThis as { EdgeRuntime?: unknown };
      g.EdgeRuntime = { waitUntil: (p: Promise<unknown>) => kept.push(p) };
      const { edge, logger } = edgeFor(db);
      try {
        const responses = await Promise.all(
          [1, 2, 3].map(() => edge.fetch(post('/pgflow-example', bearer(SECRET)))),
        );
        const bodies = await Promise.all(responses.map((r) => r.json()));
        assert.deepEqual(
          responses.map((r) => r.status),
          [200, 200, 200],
        );
        assert.deepEqual(bodies.map((b) => b.status).sort(), ['running', 'running', 'started']);
        const rows = await workerRows(db);
        assert.equal(rows.length, 1);
        for (const body of bodies) {
          assert.deepEqual(body, {
            status: body.status,
            workerId: rows[0]?.worker_id,
            functionName: 'pgflow-example',
          });
        }
        assert.equal(rows[0]?.function_name, 'pgflow-example');
        assert.equal(kept.length, 1);

        const again = await edge.fetch(post('/pgflow-example', bearer(SECRET)));
        assert.equal((await again.json()).status, 'running');
        const health = await edge.fetch(new Request('http://edge.local/health'));
        assert.deepEqual(await health.json(), { status: 'ok', worker: 'running' });

        const run = await startFlowSync(db.client, ExampleSquares, [1, 2, 3, 4], {
          timeout: 20,
        });
        assert.deepEqual(run.output, { total: 30 });

        // The platform's beforeunload hands over: rows marked stopped, later requests refused.
        globalThis.dispatchEvent(new Event('beforeunload'));
        await kept[0];
        assert.equal(edge.worker?.state, 'stopped');
        assert.deepEqual(
          (await workerRows(db)).map((r) => r.stopped),
          [true],
        );
        assert.match(logger.lines.join('\n'), /handing over \(beforeunload\)/);
        const late = await edge.fetch(post('/pgflow-example', bearer(SECRET)));
        assert.equal(late.status, 503);
        assert.equal((await late.json()).status, 'stopped');
      } finally {
        delete g.EdgeRuntime;
        await edge.handover();
      }
    });

    await t.step(
      'stops claiming before the wall-clock limit and marks its rows stopped',
      async () => {
        const { edge, logger } = edgeFor(db, { wallClockLimitMs: 3000, handoverMarginMs: 2000 });
        const res = await edge.fetch(post('/wall-clock', bearer(SECRET)));
        assert.equal(res.status, 200);
        const { workerId } = await res.json();
        await eventually(() => edge.worker?.state === 'stopped', 10_000);
        await edge.worker?.closed;
        const row = (await workerRows(db)).find((r) => r.worker_id === workerId);
        assert.deepEqual(row, { worker_id: workerId, function_name: 'wall-clock', stopped: true });
        assert.match(logger.lines.join('\n'), /handing over \(wall-clock limit\)/);
      },
    );

    await t.step('insecureLocal: true starts without a secret, and says so', async () => {
      const { edge, logger } = edgeFor(db, { env: {}, insecureLocal: true });
      try {
        assert.match(logger.lines[0] ?? '', /^warn insecureLocal is on/);
        const res = await edge.fetch(post('/local-dev'));
        assert.equal(res.status, 200);
        assert.equal((await res.json()).status, 'started');
      } finally {
        await edge.handover();
      }
    });
  } finally {
    await db.dispose();
  }
});

Deno.test(
  'edge-function: the example function under `deno serve` refuses a start without the secret and logs why',
  opts,
  async () => {
    const db = await createMigratedDatabase();
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const entry = new URL('../../../supabase/functions/pgflow-example/index.ts', import.meta.url)
      .pathname;
    const child = new Deno.Command(Deno.execPath(), {
      args: ['serve', '-A', '--host', '127.0.0.1', '--port', String(port), entry],
      env: { EDGE_WORKER_DB_URL: db.url, PGFLOW_AUTH_SECRET: SECRET, NO_COLOR: '1' },
      stdout: 'piped',
      stderr: 'piped',
    }).spawn();
    const out: string[] = [];
    const reading = Promise.all([collectLines(child.stdout, out), collectLines(child.stderr, out)]);
    const base = `http://127.0.0.1:${port}`;
    try {
      await eventually(
        async () => {
          try {
            return (await fetch(`${base}/pgflow-example/health`)).ok;
          } catch {
            return false;
          }
        },
        30_000,
        200,
      );

      const missing = await fetch(`${base}/pgflow-example`, { method: 'POST' });
      assert.equal(missing.status, 401);
      assert.deepEqual(await missing.json(), { error: 'Unauthorized', message: 'Unauthorized' });
      const wrong = await fetch(`${base}/pgflow-example`, {
        method: 'POST',
        headers: bearer('nope'),
      });
      assert.equal(wrong.status, 401);
      await wrong.body?.cancel();
      await eventually(() => out.some((l) => l.includes('Invalid Authorization header')), 5000);
      assert.ok(
        out.some((l) =>
          l.includes('Unauthorized POST /pgflow-example: Missing Authorization header'),
        ),
        out.join('\n'),
      );
      assert.ok(
        out.some((l) =>
          l.includes('Unauthorized POST /pgflow-example: Invalid Authorization header'),
        ),
        out.join('\n'),
      );
      assert.deepEqual(await workerRows(db), []);

      const ok = await fetch(`${base}/pgflow-example`, {
        method: 'POST',
        headers: bearer(SECRET),
        body: '{}',
      });
      assert.equal(ok.status, 200);
      const body = await ok.json();
      assert.equal(body.status, 'started');
      assert.equal(body.functionName, 'pgflow-example');
      const run = await startFlowSync(db.client, ExampleSquares, [2, 3], { timeout: 20 });
      assert.deepEqual(run.output, { total: 13 });

      // SIGTERM closes the server; the worker hands over and the process exits.
      child.kill('SIGTERM');
      await child.status;
      assert.deepEqual(await workerRows(db), [
        { worker_id: body.workerId, function_name: 'pgflow-example', stopped: true },
      ]);
    } finally {
      try {
        child.kill('SIGKILL');
      } catch {
        // already exited
      }
      await child.status;
      await reading;
      await db.dispose();
    }
  },
);
