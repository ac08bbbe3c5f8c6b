import type { Result } from '../lib/measure';

export interface BenchOptions {
  /** Jobs enqueued up front for the throughput measurement. */
  jobs: number;
  /** Runs of the 3-step flow (or chains) enqueued up front. */
  runs: number;
  /** Jobs per second of the paced latency producer. */
  rate: number;
  /** Seconds the paced producer runs. */
  seconds: number;
  /** Longest time one drain may take before it is reported as capped. */
  capMs: number;
}

/** One measurement: a label for the progress line, and the work (on a fresh database). */
export interface Scenario {
  kind: 'jobs' | 'flow' | 'latency';
  system: string;
  config: string;
  run(options: BenchOptions): Promise<Result>;
}
