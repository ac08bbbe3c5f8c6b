/**
 * What every system's measurement shares: the result shapes, the drain timer (throughput), the
 * paced producer (latency) and the percentiles, so the three systems are timed the same way.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCpuMeter } from './cpu';

export interface ThroughputResult {
  kind: 'jobs' | 'flow';
  system: string;
  config: string;
  /** Units enqueued up front (jobs, or runs for a flow). */
  n: number;
  /** Units seen complete in the database when the clock stopped. */
  completed: number;
  /** Handler calls (n for jobs, 3n for a 3-step flow). */
  handlerCalls: number;
  seconds: number;
  /** completed / seconds. */
  perSecond: number;
  /** Stopped by the time cap before everything was done. */
  capped: boolean;
  enqueue: string;
  enqueueSeconds: number;
  /** CPU ms used by the database's backends during the drain (NaN when unreadable). */
  dbCpuMs: number;
  /** CPU ms used by this process (worker, handlers, driver) during the drain. */
  clientCpuMs: number;
}

export interface LatencyResult {
  kind: 'latency';
  system: string;
  config: string;
  samples: number;
  /** Jobs whose handler had not started when the wait ended. */
  missing: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  /** Median duration of the enqueue call itself (the producer's statement and commit). */
  enqueueP50: number;
  /** Median time from the enqueue call's start to the handler's start. */
  fromCallP50: number;
}

export type Result = ThroughputResult | LatencyResult;

export const now = () => performance.now();

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** A counter the handlers bump, with a way to wait until it reaches a value. */
export function createCounter() {
  let value = 0;
  let waiter: { target: number; resolve: () => void } | undefined;
  return {
    get value() {
      return value;
    },
    add(k = 1) {
      value += k;
      if (waiter && value >= waiter.target) {
        waiter.resolve();
        waiter = undefined;
      }
    },
    /** Resolves true once the counter reaches `target`, false after `timeoutMs`. */
    async reach(target: number, timeoutMs: number): Promise<boolean> {
      if (value >= target) return true;
      const reached = new Promise<true>((resolve) => {
        waiter = { target, resolve: () => resolve(true) };
      });
      const ac = new AbortController();
      const result = await Promise.race([
        reached,
        sleep(timeoutMs, false, { signal: ac.signal }).catch(() => false),
      ]);
      ac.abort();
      return result;
    },
  };
}

/**
 * Times a drain: `start` starts the worker; handlers bump `counter`. The clock stops at the
 * first database check that sees all `n` units complete (checked every 10 ms once every
 * handler ran), so a system that acknowledges completion lazily is timed until it is durable.
 */
export async function timeDrain(opts: {
  n: number;
  handlerTarget: number;
  counter: ReturnType<typeof createCounter>;
  capMs: number;
  start: () => Promise<void>;
  countCompleted: () => Promise<number>;
  /** The measured database, for CPU metering. */
  dbUrl: string;
}): Promise<Drain> {
  const cpu = await startCpuMeter(opts.dbUrl);
  const t0 = now();
  await opts.start();
  const deadline = t0 + opts.capMs;
  await opts.counter.reach(opts.handlerTarget, opts.capMs);
  let completed = await opts.countCompleted();
  while (completed < opts.n && now() < deadline) {
    await sleep(10);
    completed = await opts.countCompleted();
  }
  const t1 = now();
  const { dbMs, clientMs } = await cpu.stop();
  return {
    seconds: (t1 - t0) / 1000,
    completed,
    capped: completed < opts.n,
    dbCpuMs: dbMs,
    clientCpuMs: clientMs,
  };
}

export interface Drain {
  seconds: number;
  completed: number;
  capped: boolean;
  dbCpuMs: number;
  clientCpuMs: number;
}

/**
 * Paced producer: `rate` jobs per second for `seconds`, one at a time (each `enqueue` is awaited,
 * so it must return once the job is committed). Latency of job i = the time its handler starts
 * (`started[i]`, set by the handler) minus the time its enqueue call returned (commit seen by
 * the producer). Starts the clock after `warmup` unmeasured jobs.
 */
export async function measureLatency(opts: {
  system: string;
  config: string;
  rate: number;
  seconds: number;
  started: Map<number, number>;
  enqueue: (i: number) => Promise<void>;
  /** How long to wait for stragglers after the last enqueue. */
  graceMs: number;
  warmup?: number;
}): Promise<LatencyResult> {
  const period = 1000 / opts.rate;
  const warmup = opts.warmup ?? 5;
  for (let i = -warmup; i < 0; i++) {
    await opts.enqueue(i);
    await sleep(period);
  }
  const total = Math.round(opts.rate * opts.seconds);
  const committed = new Map<number, number>();
  const called = new Map<number, number>();
  const begin = now();
  for (let i = 0; i < total; i++) {
    const due = begin + i * period;
    const wait = due - now();
    if (wait > 0) await sleep(wait);
    called.set(i, now());
    await opts.enqueue(i);
    committed.set(i, now());
  }
  const graceEnd = now() + opts.graceMs;
  while (now() < graceEnd && [...committed.keys()].some((i) => !opts.started.has(i)))
    await sleep(20);

  const latencies: number[] = [];
  for (const [i, t] of committed) {
    const s = opts.started.get(i);
    if (s !== undefined) latencies.push(s - t);
  }
  latencies.sort((a, b) => a - b);
  const calls = [...committed].map(([i, t]) => t - (called.get(i) ?? t)).sort((a, b) => a - b);
  const fromCall = [...committed.keys()]
    .filter((i) => opts.started.has(i))
    .map((i) => (opts.started.get(i) ?? 0) - (called.get(i) ?? 0))
    .sort((a, b) => a - b);
  return {
    kind: 'latency',
    system: opts.system,
    config: opts.config,
    samples: latencies.length,
    missing: total - latencies.length,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
    mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
    enqueueP50: percentile(calls, 50),
    fromCallP50: percentile(fromCall, 50),
  };
}

export function throughputResult(
  meta: Pick<
    ThroughputResult,
    'kind' | 'system' | 'config' | 'n' | 'handlerCalls' | 'enqueue' | 'enqueueSeconds'
  >,
  drain: Drain,
): ThroughputResult {
  return { ...meta, ...drain, perSecond: drain.completed / drain.seconds };
}
