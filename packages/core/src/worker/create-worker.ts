/**
 * createWorker: the one place that knows every part of a worker and wires them together.
 * Each flow (a job is a one-step flow) is served from its own pgmq queue, named like its slug,
 * by one poller and one `pgflow.workers` row; slots, heartbeat and shutdown are shared.
 */
import type { AnyFlow } from '@pgflow-ts/dsl';
import { PgflowError } from '../errors';
import { resolveWorkerOptions, type WorkerOptions } from '../options';
import * as pgflow from '../sql/pgflow';
import * as pgmq from '../sql/pgmq';
import type { SqlClient } from '../sql/port';
import { createEventEmitter, type WorkerEventEmitter } from '../telemetry/events';
import { createAbortGroup, WorkerStoppedError } from './abort';
import { boundedSet } from './bounded-set';
import { createCompletions } from './completions';
import { type ClaimedTask, executeTask } from './executor';
import { checkFlow, schemaMissing } from './flow-check';
import { createFlowInputs } from './flow-input';
import { createLifecycle, type WorkerState } from './lifecycle';
import { type Poller, type PollerConfig, startPoller } from './poller';
import { createPushInbox, type PushInbox } from './push';
import { executeQueueMessage, type QueueDefinition, validateRetryConfig } from './queue-task';
import { createReregistration, workerRowGone } from './reregister';
import { createNotifySignal, createPollingSignal, type WakeSignal } from './signals';
import { createSlots } from './slots';

/**
 * How many completed tasks, per slot, may wait for their results to be written while their slots
 * run new tasks; also the largest completion batch, per slot. At 1, a worker at pgflow's defaults
 * (10 slots) ran at the speed of its completion writes; 5 measured +36-54% no-op jobs/s and +38%
 * flow tasks/s (bench/README.md), larger batches costing less per task. Unwritten results are
 * written before the worker stops; a crash loses them, and their tasks are delivered again
 * (at-least-once).
 */
const UNWRITTEN_PER_SLOT = 5;

export interface CreateWorkerOptions extends Partial<WorkerOptions> {
  /** The database, through an adapter (`createPostgresJsClient`, `createPgliteClient`). */
  sql: SqlClient;
  /** Flows to serve. */
  flows?: readonly AnyFlow[];
  /** Jobs to serve (one-step flows). */
  jobs?: readonly AnyFlow[];
  /** Plain pgmq queues to serve, one handler per raw message. */
  queues?: readonly QueueDefinition[];
  /**
   * `pgflow.workers.worker_id` of the first queue (e.g. Supabase's `SB_EXECUTION_ID`); other
   * queues, and the first one when unset, get random UUIDs.
   */
  workerId?: string;
}

export interface Worker {
  readonly state: WorkerState;
  /** Worker id (`pgflow.workers.worker_id`) per queue. */
  readonly workerIds: ReadonlyMap<string, string>;
  readonly events: Pick<WorkerEventEmitter, 'on'>;
  /** Registers the worker, checks its flows, starts claiming. Rejects on a fatal startup error. */
  start(): Promise<void>;
  /**
   * Graceful stop: stop claiming → wait for in-flight tasks up to `shutdownGraceMs` (then abort
   * them and fail them so they retry) → mark the worker rows stopped. The SQL client stays open.
   */
  stop(): Promise<void>;
  /** Resolves once the worker has stopped, whoever stopped it (e.g. an operator's deprecation). */
  readonly stopped: Promise<void>;
}

export function createWorker(input: CreateWorkerOptions): Worker {
  const { sql, flows = [], jobs = [], queues = [], workerId: firstWorkerId, ...rest } = input;
  const options = resolveWorkerOptions(rest);
  const all = [...flows, ...jobs];
  if (all.length === 0 && queues.length === 0) {
    throw new PgflowError(
      'INVALID_OPTION',
      'createWorker needs at least one flow, job or queue (options.flows / options.jobs / options.queues)',
    );
  }
  const bySlug = new Map<string, AnyFlow>();
  const rawQueues = new Map<string, QueueDefinition>();
  const claimName = (name: string) => {
    if (bySlug.has(name) || rawQueues.has(name)) {
      throw new PgflowError(
        'INVALID_OPTION',
        `Queue "${name}" is given twice; each flow, job or queue must be unique`,
      );
    }
  };
  for (const flow of all) {
    claimName(flow.slug);
    bySlug.set(flow.slug, flow);
  }
  for (const def of queues) {
    claimName(def.queue);
    if (def.retry) validateRetryConfig(def.retry);
    rawQueues.set(def.queue, def);
  }

  const lifecycle = createLifecycle();
  const events = createEventEmitter();
  const slots = createSlots(options.maxConcurrent);
  const shutdown = createAbortGroup();
  const workerIds = new Map(
    [...bySlug.keys(), ...rawQueues.keys()].map((name, i) => [
      name,
      (i === 0 && firstWorkerId) || globalThis.crypto.randomUUID(),
    ]),
  );
  const ids = [...workerIds.values()];
  const flowInputs = createFlowInputs(sql);
  const completions = createCompletions(sql, options.maxConcurrent * UNWRITTEN_PER_SLOT);
  const reportedRuns = boundedSet(1000);
  const { env, compilation, ...config } = options;
  const workerConfig = Object.freeze({ ...config, compilation });
  const pollers: Poller[] = [];
  /** Each queue's wake-up signal, and the queues whose inserts notify it. */
  const signalOf = new Map<string, WakeSignal>();
  const notifiedQueues = new Set<string>();
  const signals: WakeSignal[] = [];
  const inboxes: PushInbox<unknown>[] = [];
  const timers: ReturnType<typeof setInterval>[] = [];
  // How late this worker's heartbeat may be before its started tasks are taken over: one missed
  // beat plus the visibility timeout (docs: recovery time).
  const leaseMs = options.visibilityTimeout * 1000 + 2 * options.heartbeatIntervalMs;
  let stopping: Promise<void> | undefined;
  let startedAt = 0;
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });

  async function claim(queue: string, workerId: string, qty: number): Promise<ClaimedTask[]> {
    const rows = await pgflow
      .claimTasks(sql, queue, {
        vt: options.visibilityTimeout,
        qty,
        workerId,
      })
      .catch(reportGone(queue));
    return rows.map((row) => toClaimedTask(row, workerId));
  }

  /** Puts back the worker rows of queues that lost them (see reregister.ts). */
  const reregistration = createReregistration({
    events,
    workerIds,
    intervalMs: options.heartbeatIntervalMs,
    active: () => lifecycle.state === 'running',
    async recover(queue) {
      const workerId = workerIds.get(queue) as string;
      if (await pgflow.workerRegistered(sql, workerId)) return false;
      const flow = bySlug.get(queue);
      if (flow) await checkFlow(sql, flow, compilation);
      else await pgmq.createQueue(sql, queue);
      await pgflow.registerWorker(sql, {
        workerId,
        queueName: queue,
        functionName: options.functionName,
        leaseMs,
      });
      if (notifiedQueues.has(queue)) await pgflow.enableInsertNotifications(sql, queue);
      return true;
    },
    // Work sent while the row (or the queue's trigger) was missing woke nobody.
    recovered: (queues) => {
      for (const queue of queues) signalOf.get(queue)?.wake();
    },
    fatal: () => void stop(),
  });

  /** A rejection handler: reports the queue when the error shows its worker row is gone. */
  function reportGone(queue: string) {
    return (error: unknown): never => {
      if (workerRowGone(error)) reregistration.lost([queue]);
      throw error;
    };
  }

  /** The queues of the given worker ids. */
  function queuesOf(missing: readonly string[]): string[] {
    return [...workerIds].filter(([, id]) => missing.includes(id)).map(([queue]) => queue);
  }

  /** How one queue claims and runs its units: flow tasks, or raw messages of a plain queue. */
  function unitsOf(
    queue: string,
    workerId: string,
  ): Pick<PollerConfig<unknown>, 'claim' | 'execute'> {
    const def = rawQueues.get(queue);
    if (def) {
      const deps = { db: sql, events, env, shutdown, workerId };
      return {
        claim: (qty: number) => pgmq.read(sql, queue, def.visibilityTimeout ?? 10, qty),
        execute: (message) => executeQueueMessage(deps, def, message as pgmq.MessageRow),
      };
    }
    const deps = {
      db: sql,
      flows: bySlug,
      flowInputs,
      events,
      env,
      workerConfig,
      shutdown,
      completions,
      maxBacklog: options.maxConcurrent * UNWRITTEN_PER_SLOT,
      reportedRuns,
    };
    return {
      claim: (qty: number) => claim(queue, workerId, qty),
      execute: (unit, release) => executeTask(deps, unit as ClaimedTask, release),
    };
  }

  async function heartbeat() {
    try {
      const beat = await pgflow.heartbeat(sql, ids);
      if (beat.missing.length > 0) reregistration.lost(queuesOf(beat.missing));
      if (beat.deprecated) {
        if (lifecycle.state === 'running') {
          lifecycle.to('deprecated');
          events.emit('worker:deprecated', { workerIds: ids });
          void stop();
        }
      }
    } catch (error) {
      events.emit('worker:error', { error, during: 'heartbeat' });
    }
  }

  // Tasks of workers whose heartbeat ran past their lease are taken over at once (a polling
  // loop is woken here; notify loops hear the requeue on their insert channel).
  async function recoverOrphans() {
    try {
      if ((await pgflow.requeueOrphanedTasks(sql)) > 0) for (const poller of pollers) poller.wake();
    } catch (error) {
      events.emit('worker:error', { error, during: 'requeue_orphaned_tasks' });
    }
  }

  // Messages that are no task, moved to pgflow.dead_letters by this worker's claims.
  let lastDeadLetterId = 0;
  async function reportDeadLetters() {
    try {
      for (const row of await pgflow.deadLettersOf(sql, ids, lastDeadLetterId)) {
        lastDeadLetterId = row.id;
        events.emit('message:dead-lettered', {
          queue: row.queue_name,
          msgId: row.msg_id,
          reason: row.reason,
          id: row.id,
        });
      }
    } catch (error) {
      events.emit('worker:error', { error, during: 'dead letter report' });
    }
  }

  async function requeueStalled() {
    try {
      await pgflow.requeueStalledTasks(sql);
    } catch (error) {
      events.emit('worker:error', { error, during: 'requeue_stalled_tasks' });
    }
  }

  /** The queue's wake-up signal, and whether inserts notify it (else it is plain polling). */
  async function makeSignal(queue: string): Promise<{ signal: WakeSignal; notified: boolean }> {
    if (options.signal === 'notify') {
      try {
        await pgflow.enableInsertNotifications(sql, queue);
        return {
          signal: await createNotifySignal(sql, pgmq.insertChannel(queue)),
          notified: true,
        };
      } catch (cause) {
        // e.g. a role without the TRIGGER privilege on the queue table: work goes on, polled.
        events.emit('worker:error', {
          error: new Error(
            `no insert notifications for queue ${queue} (${(cause as Error).message}); polling instead`,
            { cause },
          ),
          during: 'notify setup',
        });
      }
    }
    return { signal: createPollingSignal(), notified: false };
  }

  async function start() {
    lifecycle.to('starting');
    startedAt = Date.now();
    await pgflow.trackWorkerFunction(sql, options.functionName).catch((error) => {
      throw schemaMissing(error) ?? error;
    });
    for (const flow of bySlug.values()) await checkFlow(sql, flow, compilation);
    for (const queue of rawQueues.keys()) await pgmq.createQueue(sql, queue);
    for (const [queue, workerId] of workerIds) {
      await pgflow.registerWorker(sql, {
        workerId,
        queueName: queue,
        functionName: options.functionName,
        leaseMs,
      });
    }
    for (const [queue, workerId] of workerIds) {
      const { signal, notified: notifyMode } = await makeSignal(queue);
      signals.push(signal);
      signalOf.set(queue, signal);
      if (notifyMode) notifiedQueues.add(queue);
      // Pushed tasks: flows and jobs of a worker woken by notifications (a wait outlives the
      // longest idle wait, so a live worker's wait never lapses).
      const inbox =
        notifyMode && options.pushTasks && bySlug.has(queue)
          ? await createPushInbox<unknown>({
              sql,
              workerId,
              queue,
              ttlMs: options.notifyFallbackMs + 5000,
              toUnit: (row) => toClaimedTask(row, workerId),
              onPush: () => signal.wake(),
            })
          : undefined;
      if (inbox) inboxes.push(inbox);
      // A wait fails on waiting_workers_worker_id_fkey once the worker row is gone.
      const push = inbox && { ...inbox, wait: () => inbox.wait().catch(reportGone(queue)) };
      pollers.push(
        startPoller({
          queue,
          batchSize: options.batchSize,
          slots,
          signal,
          minIntervalMs: options.minPollIntervalMs,
          maxIntervalMs: notifyMode ? options.notifyFallbackMs : options.maxPollIntervalMs,
          cooldownMs: options.dispatchCooldownMs,
          events,
          ...unitsOf(queue, workerId),
          // Settling a flow task often enqueues the next step's tasks. Polling workers look
          // at once; notify workers hear of them from the insert notification instead.
          onSettled: notifyMode
            ? undefined
            : () => {
                for (const poller of pollers) poller.wake();
              },
          // Delayed messages, retries and stalled tasks send no notification: notify workers
          // also wake when the next hidden message is due (at most notifyFallbackMs apart).
          nextDueMs: notifyMode ? () => pgflow.msUntilVisible(sql, queue) : undefined,
          push,
          sharedSlots: workerIds.size > 1,
        }),
      );
    }
    timers.push(setInterval(heartbeat, options.heartbeatIntervalMs));
    timers.push(setInterval(recoverOrphans, options.heartbeatIntervalMs));
    timers.push(setInterval(reportDeadLetters, options.heartbeatIntervalMs));
    if (options.stalledCheckIntervalMs > 0)
      timers.push(setInterval(requeueStalled, options.stalledCheckIntervalMs));
    lifecycle.to('running');
    events.emit('worker:started', {
      workerIds: ids,
      queues: [...workerIds.keys()],
      functionName: options.functionName,
    });
  }

  async function shutdownSequence() {
    lifecycle.to('stopping');
    // Deprecated = no longer claiming: ensure_workers counts this worker as gone right away and
    // can start a replacement while in-flight tasks finish here.
    await pgflow.deprecateWorkers(sql, ids).catch((error) => {
      events.emit('worker:error', { error, during: 'deprecating worker rows' });
    });
    for (const poller of pollers) poller.stop();
    await Promise.all(pollers.map((p) => p.done));
    for (const timer of timers) clearInterval(timer);
    await reregistration.close();
    const grace = timeout(options.shutdownGraceMs);
    const outcome = await Promise.race([slots.whenIdle(), grace.over]);
    // A pending grace timer would keep the process alive for shutdownGraceMs after a clean stop.
    grace.cancel();
    if (outcome === TIMED_OUT) {
      // Abort what is still running; each task is then failed (and retried per its policy)
      // instead of waiting for the stalled-task sweep (defect 30).
      shutdown.abort(new WorkerStoppedError());
      await slots.whenIdle();
    }
    // Slots are freed before results are written (see executor.ts): wait for the writes too.
    await Promise.all(pollers.map((p) => p.settled()));
    for (const signal of signals) await signal.close();
    for (const inbox of inboxes) await inbox.close();
    for (const workerId of ids) {
      await pgflow.markWorkerStopped(sql, workerId).catch((error) => {
        events.emit('worker:error', { error, during: 'mark_worker_stopped' });
      });
    }
    lifecycle.to('stopped');
    events.emit('worker:stopped', { workerIds: ids, durationMs: Date.now() - startedAt });
    resolveStopped();
  }

  function stop(): Promise<void> {
    if (!stopping) {
      if (lifecycle.state === 'created') {
        lifecycle.to('stopped');
        resolveStopped();
        stopping = Promise.resolve();
      } else {
        stopping = shutdownSequence();
      }
    }
    return stopping;
  }

  return {
    get state() {
      return lifecycle.state;
    },
    workerIds,
    events: { on: events.on },
    start,
    stop,
    stopped,
  };
}

function toClaimedTask(
  { attempts_count, read_ct, enqueued_at, vt, message, headers, ...task }: pgflow.ClaimedTaskRow,
  workerId: string,
): ClaimedTask {
  return {
    task,
    message: { msg_id: task.msg_id, read_ct, enqueued_at, vt, message, headers },
    attempt: attempts_count,
    workerId,
  };
}

const TIMED_OUT = Symbol('timed out');

/** Resolves `over` with TIMED_OUT after `ms`, unless cancelled first. */
function timeout(ms: number): { over: Promise<typeof TIMED_OUT>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const over = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return { over, cancel: () => clearTimeout(timer) };
}
