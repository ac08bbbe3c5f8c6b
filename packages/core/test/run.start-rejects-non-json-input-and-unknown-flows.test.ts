import { NonJsonInputError } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPgflowError, PgflowError } from '../src/errors';
import { install } from '../src/install';
import { createPgflow } from '../src/run/client';
import { createPgliteClient } from '../src/sql/pglite';
import type { SqlClient } from '../src/sql/port';
import { createMigratedDatabase, type MigratedDatabase } from './helpers/migrated';

let db: MigratedDatabase;
let lite: SqlClient;

beforeAll(async () => {
  db = await createMigratedDatabase(2);
  lite = createPgliteClient();
  await install(lite);
  for (const client of [db.client, lite]) {
    await client.exec(
      `select pgflow.create_flow('adder'); select pgflow.add_step('adder', 'double');`,
    );
  }
});
afterAll(async () => {
  await lite?.end();
  await db?.dispose();
});

const runCount = async (client: SqlClient) =>
  Number((await client.query<{ n: number }>('select count(*) as n from pgflow.runs'))[0]?.n);

describe('startFlow and enqueue: input is checked as strictly as step outputs', () => {
  const cases: Array<[string, unknown, string]> = [
    ['a function member', { n: 5, f: () => 1 }, 'input.f is a function'],
    ['a function as the whole input', () => 1, 'input is a function'],
    ['an undefined array element', { list: [1, undefined] }, 'input.list[1] is undefined'],
    ['a symbol', { s: Symbol('x') }, 'input.s is a symbol'],
    ['a bigint', { big: 1n }, 'input.big is a bigint (convert it to a string or number)'],
    ['a non-finite number', { ratio: Number.POSITIVE_INFINITY }, 'input.ratio is Infinity'],
    ['NaN', [Number.NaN], 'input[0] is NaN'],
    [
      'a Map',
      { m: new Map() },
      'input.m is a Map instance (only plain objects and arrays are JSON)',
    ],
    ['a Date', { at: new Date(0) }, 'input.at is a Date (return date.toISOString() instead)'],
  ];

  it.each(cases)(
    'rejects %s, naming the path, and starts nothing',
    async (_what, input, detail) => {
      const pgflow = createPgflow(db.client);
      const message = `Input of flow "adder" is not JSON: ${detail}`;
      await expect(pgflow.startFlow('adder', input)).rejects.toBeInstanceOf(NonJsonInputError);
      await expect(pgflow.startFlow('adder', input)).rejects.toThrow(message);
      await expect(pgflow.enqueue('adder', input)).rejects.toThrow(message);
      await expect(pgflow.startFlowSync('adder', input, { timeout: 1 })).rejects.toThrow(message);
      expect(await runCount(db.client)).toBe(0);
    },
  );

  it('gives the error a code and the flow, path and reason as fields', async () => {
    const error = await createPgflow(db.client)
      .startFlow('adder', { n: 5, f: () => 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonJsonInputError);
    expect(error).toMatchObject({
      code: 'NON_JSON_INPUT',
      flowSlug: 'adder',
      path: 'input.f',
      reason: 'is a function',
    });
  });

  it('still accepts JSON, dropping undefined object members as outputs do', async () => {
    const run = await createPgflow(db.client).startFlow('adder', { n: 5, skip: undefined });
    expect(run.input).toEqual({ n: 5 });
    await db.client.exec(
      'delete from pgflow.step_tasks; delete from pgflow.step_states; delete from pgflow.runs;',
    );
  });
});

describe.each(['postgres-js', 'pglite'])('an unknown flow on %s', (adapter) => {
  const client = () => (adapter === 'pglite' ? lite : db.client);
  const message =
    'Flow "nope" does not exist: compile it first (start a worker that serves it, which compiles it at startup, or apply the migration written by `pgflow compile`).';

  it('startFlow names the slug with FLOW_NOT_COMPILED and leaves no run', async () => {
    const error = await createPgflow(client())
      .startFlow('nope', { n: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PgflowError);
    expect(isPgflowError(error, 'FLOW_NOT_COMPILED')).toBe(true);
    expect((error as Error).message).toBe(message);
    expect(String(((error as Error).cause as Error).message)).toBe(
      'insert or update on table "runs" violates foreign key constraint "runs_flow_slug_fkey"',
    );
    expect(await runCount(client())).toBe(0);
  });

  it('enqueue names the slug with FLOW_NOT_COMPILED and leaves no run', async () => {
    const error = await createPgflow(client())
      .enqueue('nope', {}, { delay: 5 })
      .catch((e: unknown) => e);
    expect(isPgflowError(error, 'FLOW_NOT_COMPILED')).toBe(true);
    expect((error as Error).message).toBe(message);
    expect(await runCount(client())).toBe(0);
  });
});
