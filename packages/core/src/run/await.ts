/**
 * Waiting for a run to end, on events rather than a poll loop: LISTEN on the run's channel
 * (`pgflow:run:<run_id>`, fed by pgflow's broadcasts) first, then read the current state, so an
 * end that happens in between is never missed. A slow re-read (every `checkIntervalMs`) covers a
 * notification lost to a reconnect.
 */
import { PgflowError } from '../errors';
import { getRun, type RunRow } from '../sql/pgflow';
import type { SqlClient } from '../sql/port';
import { type FlowRef, type InputOf, type RunOf, type StartOptions, startFlow } from './start';

export interface WaitOptions {
  /** Seconds to wait (like a flow's `timeout`) before rejecting with `RUN_TIMEOUT`. @default 60 */
  timeout?: number;
  /** Safety re-read period. @default 5000 */
  checkIntervalMs?: number;
}

export function runChannel(runId: string): string {
  return `pgflow:run:${runId}`;
}

/** Resolves with the run once it is completed or failed. */
export async function waitForRun(
  db: SqlClient,
  runId: string,
  options: WaitOptions = {},
): Promise<RunRow> {
  return waitWith(db, runId, options, async () => {});
}

/** Starts a run and resolves with it once it has ended (completed or failed). */
export async function startFlowSync<F extends FlowRef>(
  db: SqlClient,
  flow: F,
  input: InputOf<F>,
  options: WaitOptions & StartOptions = {},
): Promise<RunOf<F>> {
  const runId = options.runId ?? globalThis.crypto.randomUUID();
  return waitWith<RunOf<F>>(db, runId, options, async () => {
    await startFlow(db, flow, input, { runId });
  });
}

async function waitWith<R extends RunRow = RunRow>(
  db: SqlClient,
  runId: string,
  options: WaitOptions,
  before: () => Promise<void>,
): Promise<R> {
  const timeoutMs = (options.timeout ?? 60) * 1000;
  const checkIntervalMs = options.checkIntervalMs ?? 5000;
  let wake: () => void = () => {};
  const subscription = await db.listen(runChannel(runId), (payload) => {
    if (payload.includes('"run:completed"') || payload.includes('"run:failed"')) wake();
  });
  const deadline = Date.now() + timeoutMs;
  try {
    await before();
    for (;;) {
      const run = await getRun(db, runId);
      if (run && run.status !== 'started') return run as R;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new PgflowError(
          'RUN_TIMEOUT',
          `Run ${runId} did not finish within ${timeoutMs / 1000} s (status: ${run?.status ?? 'not found'}). Is a worker serving this flow? Raise the timeout option for long runs.`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, checkIntervalMs));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    await subscription.unlisten();
  }
}
