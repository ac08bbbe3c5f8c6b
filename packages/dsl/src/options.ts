import { DslError, type DslErrorContext, show } from './errors.js';

/** What happens when a step's `if`/`ifNot` condition is not met, or its retries are exhausted. */
export type WhenUnmetMode = 'fail' | 'skip' | 'skip-cascade';
export type WhenExhaustedMode = 'fail' | 'skip' | 'skip-cascade';

/** Flow-level options (also the defaults every step inherits). */
export interface RuntimeOptions {
  /**
   * Attempts per task, the first one included.
   * @default 3 (applied by `pgflow.create_flow`)
   */
  maxAttempts?: number;
  /**
   * Base of the retry delay in seconds: retry n (n >= 1) waits `floor(baseDelay * 2^n)`, so the
   * first retry waits 2 × baseDelay.
   * @default 5 (applied by `pgflow.create_flow`)
   */
  baseDelay?: number;
  /**
   * Seconds a task may run before the worker aborts it and it counts as failed.
   * @default 60 (applied by `pgflow.create_flow`)
   */
  timeout?: number;
}

/** Step-level options; unset values inherit the flow's. */
export interface StepRuntimeOptions extends RuntimeOptions {
  /**
   * Seconds to wait before the step's tasks become visible to workers.
   * @default 0
   */
  startDelay?: number;
  /** JSON object the step input must contain (Postgres `@>`), else `whenUnmet` applies. */
  if?: Record<string, unknown>;
  /** JSON object the step input must not contain, else `whenUnmet` applies. */
  ifNot?: Record<string, unknown>;
  /** @default 'skip' */
  whenUnmet?: WhenUnmetMode;
  /** @default 'fail' */
  whenExhausted?: WhenExhaustedMode;
}

/** The values `pgflow.create_flow` applies when a flow option is omitted. */
export const FLOW_DEFAULTS = Object.freeze({ maxAttempts: 3, baseDelay: 5, timeout: 60 });

const MODES: readonly string[] = ['fail', 'skip', 'skip-cascade'];
const INT_MAX = 2147483647;

/** Minimum accepted by the DSL for each numeric option; see README "Rules". */
const MINIMUMS = { maxAttempts: 1, baseDelay: 1, timeout: 3, startDelay: 0 } as const;
type NumericOption = keyof typeof MINIMUMS;

/** Validates the numeric options that are set; errors name the flow and step of `where`. */
export function validateRuntimeOptions(
  options: Partial<Record<NumericOption, unknown>>,
  where: DslErrorContext = {},
): void {
  for (const name of Object.keys(MINIMUMS) as NumericOption[]) {
    const value = options[name];
    if (value !== undefined) validateNumber(name, value, where);
  }
}

function validateNumber(name: NumericOption, value: unknown, where: DslErrorContext): void {
  const fail = (problem: string) => {
    throw new DslError(
      'INVALID_OPTION',
      { ...where, option: name, value },
      `${name} ${problem}, got ${show(value)}`,
    );
  };
  if (typeof value !== 'number' || Number.isNaN(value)) fail('must be an integer');
  const n = value as number;
  if (n < MINIMUMS[name]) fail(`must be greater than or equal to ${MINIMUMS[name]}`);
  if (n > INT_MAX) fail(`must not exceed ${INT_MAX}`);
  if (!Number.isInteger(n)) fail('must be an integer');
}

export function validateMode(
  name: 'whenUnmet' | 'whenExhausted',
  value: unknown,
  where: DslErrorContext = {},
): void {
  if (value !== undefined && !MODES.includes(value as string)) {
    throw new DslError(
      'INVALID_OPTION',
      { ...where, option: name, value },
      `${name} must be one of 'fail', 'skip', 'skip-cascade', got ${String(value)}`,
    );
  }
}
