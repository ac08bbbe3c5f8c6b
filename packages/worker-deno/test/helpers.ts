/**
 * Deno test helpers: a throwaway database (`h_deno_<random>`) on the DATABASE_URL server with
 * every pgflow migration installed, and a polling `eventually`.
 */
import { install, type SqlClient } from '@pgflow-ts/core';
import { createPostgresJsClient } from '@pgflow-ts/core/postgres-js';

export const BASE_URL =
  Deno.env.get('DATABASE_URL') ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface MigratedDatabase {
  readonly name: string;
  readonly url: string;
  readonly client: SqlClient;
  /** Closes the client, then drops the database (disconnecting anyone left on it). */
  dispose(): Promise<void>;
}

async function admin(statement: string): Promise<void> {
  const client = createPostgresJsClient(BASE_URL, { postgres: { max: 1 } });
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createMigratedDatabase(max = 10): Promise<MigratedDatabase> {
  const suffix = crypto.randomUUID().replaceAll('-', '').slice(0, 12);
  const name = `h_deno_${suffix}`;
  await admin(`create database "${name}"`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const client = createPostgresJsClient(url.toString(), { postgres: { max } });
  const { pgmq } = await install(client);
  // scripts/test.sh runs every suite once per pgmq flavour; its URL carries the choice.
  const pass = Deno.env.get('PGFLOW_TEST_PGMQ');
  if (pass && pgmq.flavour !== pass)
    throw new Error(`installed pgmq ${pgmq.flavour} in the ${pass} pass`);
  return {
    name,
    url: url.toString(),
    client,
    async dispose() {
      await client.end();
      await admin(`drop database if exists "${name}" with (force)`);
    },
  };
}

/** Polls `check` until it returns a truthy value; throws after `timeoutMs`. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Reads a child's stream into `lines`, one entry per line, as it arrives (for log assertions). */
export async function collectLines(
  stream: ReadableStream<Uint8Array>,
  lines: string[],
): Promise<void> {
  let rest = '';
  try {
    for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts);
    }
  } catch {
    // The child was killed: keep what arrived.
  }
  if (rest) lines.push(rest);
}
