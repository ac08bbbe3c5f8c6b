import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChannel } from '../src/index';
import { createMigratedDatabase, eventually, type MigratedDatabase } from './helpers/migrated';

interface Notification {
  event: string;
  payload: Record<string, unknown>;
}

// Without Supabase Realtime, pgflow's events go out through pg_notify on `pgflow:run:<run_id>`
// and `pgflow_events`, body {"event", "payload"} (supabase/migrations/…_pgflow_runtime.sql).
describe('events over NOTIFY', () => {
  let db: MigratedDatabase;
  const all: Notification[] = [];

  beforeAll(async () => {
    db = await createMigratedDatabase(4);
    await db.client.listen('pgflow_events', (body) => all.push(JSON.parse(body)));
    await db.client.query(`select pgflow.create_flow('notes')`);
    await db.client.query(`select pgflow.add_step('notes', 'a')`);
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('sends each event to the run channel and to pgflow_events, with the realtime payload', async () => {
    const runId = globalThis.crypto.randomUUID();
    const forRun: Notification[] = [];
    const sub = await db.client.listen(runChannel(runId), (body) => forRun.push(JSON.parse(body)));
    await db.client.query(`select pgflow.start_flow('notes', '{"big": false}'::jsonb, $1::uuid)`, [
      runId,
    ]);
    await eventually(async () => forRun.length >= 2);
    await sub.unlisten();

    expect(forRun.map((n) => n.event)).toEqual(['run:started', 'step:a:started']);
    expect(forRun[0]?.payload).toMatchObject({
      event_type: 'run:started',
      run_id: runId,
      flow_slug: 'notes',
      status: 'started',
      input: { big: false },
      remaining_steps: 1,
    });
    expect(forRun[1]?.payload).toMatchObject({
      event_type: 'step:started',
      run_id: runId,
      flow_slug: 'notes',
      step_slug: 'a',
      status: 'started',
      remaining_tasks: 1,
      remaining_deps: 0,
    });
    expect(typeof forRun[0]?.payload.id).toBe('string');
    await eventually(async () => all.filter((n) => n.payload.run_id === runId).length === 2);
  });

  it('keeps a NOTIFY under 8000 bytes: a large input is replaced by null and marked truncated', async () => {
    const runId = globalThis.crypto.randomUUID();
    const forRun: Notification[] = [];
    const sub = await db.client.listen(runChannel(runId), (body) => forRun.push(JSON.parse(body)));
    const big = { text: 'x'.repeat(20_000) };
    await db.client.query(`select pgflow.start_flow('notes', $1::text::jsonb, $2::uuid)`, [
      JSON.stringify(big),
      runId,
    ]);
    await eventually(async () => forRun.length >= 1);
    await sub.unlisten();
    expect(forRun[0]?.payload).toMatchObject({
      event_type: 'run:started',
      input: null,
      truncated: true,
    });
    const [stored] = await db.client.query<{ input: unknown }>(
      'select input from pgflow.runs where run_id = $1::uuid',
      [runId],
    );
    expect(stored?.input).toEqual(big);
  });
});
