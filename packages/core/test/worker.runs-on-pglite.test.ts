import { Flow } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, install, startFlowSync, type Worker } from '../src/index';
import { createPgliteClient } from '../src/sql/pglite';
import type { SqlClient } from '../src/sql/port';

const Greet = new Flow<{ names: string[] }>({ slug: 'greet' })
  .array({ slug: 'names' }, (input) => input.names)
  .map({ slug: 'hello', array: 'names' }, (name) => `hello ${name}`)
  .step({ slug: 'all', dependsOn: ['hello'] }, (deps) => deps.hello.join(', '));

describe.each(['polling', 'notify'] as const)('worker on PGlite (in-process, %s)', (signal) => {
  let client: SqlClient;
  let worker: Worker;

  beforeAll(async () => {
    client = createPgliteClient();
    await install(client);
    worker = createWorker({ sql: client, flows: [Greet], signal, stalledCheckIntervalMs: 0 });
    await worker.start();
  });
  afterAll(async () => {
    await worker?.stop();
    await client?.end();
  });

  it('runs a flow with a map step, no database server needed', async () => {
    const run = await startFlowSync(client, Greet, { names: ['ada', 'alan'] }, { timeout: 20 });
    expect(run.status).toBe('completed');
    expect(run.output).toEqual({ all: 'hello ada, hello alan' });
  });
});
