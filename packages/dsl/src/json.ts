/** Any JSON value: what a step may receive, return and what conditions match against. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type AnyInput = Json;
export type AnyOutput = Json;

type JsonPrimitive = string | number | boolean | null;
type IsAny<T> = 0 extends 1 & T ? true : false;

/**
 * The stored form of a handler result: `undefined`/`void` becomes `null`, object members that may be
 * `undefined` become optional (JSON drops them), functions become `never`.
 */
export type JsonCompatible<T> =
  IsAny<T> extends true
    ? Json
    : Json extends T
      ? Json
      : T extends JsonPrimitive
        ? T
        : T extends undefined | void
          ? null
          : T extends ((...args: never[]) => unknown) | bigint | symbol
            ? never
            : T extends readonly unknown[]
              ? { [K in keyof T]: JsonCompatible<T[K]> }
              : T extends object
                ? JsonCompatibleObject<T>
                : never;

type JsonCompatibleObject<T> = {
  [K in keyof T as K extends symbol ? never : undefined extends T[K] ? never : K]: JsonCompatible<
    T[K]
  >;
} & {
  [K in keyof T as K extends symbol
    ? never
    : undefined extends T[K]
      ? [Exclude<T[K], undefined>] extends [never]
        ? never
        : K
      : never]?: JsonCompatible<Exclude<T[K], undefined>>;
} extends infer O
  ? { [K in keyof O]: O[K] }
  : never;

/** `T` with every non-JSON position replaced by `never`; `T` is JSON-safe when it extends this. */
type JsonSafe<T> =
  IsAny<T> extends true
    ? T
    : [T] extends [Json]
      ? T
      : T extends JsonPrimitive | undefined | void
        ? T
        : T extends ((...args: never[]) => unknown) | bigint | symbol
          ? never
          : T extends object
            ? { [K in keyof T]: JsonSafe<T[K]> }
            : never;

/**
 * Intersected with a handler's return type: `unknown` when `T` is JSON, otherwise an object type
 * whose key explains the error, so returning a Date, Map, class instance, function or bigint is
 * reported at the handler's return inside the `.step()` call. The return type itself stays a
 * naked type parameter, so unions of returned objects are inferred whole.
 */
export type JsonGuard<T> = [T] extends [JsonSafe<T>]
  ? unknown
  : { 'step handlers must return JSON (no Date, Map, class instance, function or bigint)': never };

/** Thrown when a handler result is not JSON. Workers fail the task with this message. */
export class NonJsonOutputError extends Error {
  override readonly name = 'NonJsonOutputError';
  readonly code = 'NON_JSON_OUTPUT';
  constructor(
    readonly stepSlug: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Step "${stepSlug}" returned a value that is not JSON: ${path} ${reason}`);
  }
}

/**
 * Checks a handler result before it is stored and returns the value to store (`undefined`
 * becomes `null`). Plain objects, arrays, strings, finite numbers, booleans and `null` pass;
 * object members that are `undefined` are dropped, as `JSON.stringify` does.
 * @throws NonJsonOutputError naming the step and the offending path
 * @example const output = assertJsonOutput(task.step_slug, await handler(input, ctx));
 */
export function assertJsonOutput(stepSlug: string, value: unknown): Json {
  if (value === undefined) return null;
  const problem = findNonJson(value, 'output', new Set());
  if (problem) throw new NonJsonOutputError(stepSlug, problem.path, problem.reason);
  return value as Json;
}

/**
 * Thrown when a run's input (startFlow, enqueue, a cron input) is not JSON: the same check as
 * step outputs (`findNonJson`), so a function, symbol, bigint, non-finite number, `undefined`
 * array element or class instance is named by its path instead of being dropped by
 * `JSON.stringify`.
 */
export class NonJsonInputError extends Error {
  override readonly name = 'NonJsonInputError';
  readonly code = 'NON_JSON_INPUT';
  constructor(
    readonly flowSlug: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Input of flow "${flowSlug}" is not JSON: ${path} ${reason}`);
  }
}

/**
 * Checks a run input before it is sent, exactly as `assertJsonOutput` checks outputs, and returns
 * the value to send (`undefined` becomes `null`; `undefined` object members are dropped).
 * @param path where the input came from in the message, e.g. `input` or `cron.input`
 * @throws NonJsonInputError naming the flow and the offending path
 * @example const json = assertJsonInput('my_flow', { n: 5, f: () => 1 }); // throws: input.f is a function
 */
export function assertJsonInput(flowSlug: string, value: unknown, path = 'input'): Json {
  if (value === undefined) return null;
  const problem = findNonJson(value, path, new Set());
  if (problem) throw new NonJsonInputError(flowSlug, problem.path, problem.reason);
  return value as Json;
}

export interface JsonProblem {
  path: string;
  reason: string;
}

/** Returns the first non-JSON position of `value`, or `undefined` when it is JSON. */
export function findNonJson(
  value: unknown,
  path: string,
  seen: Set<object>,
): JsonProblem | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : { path, reason: `is ${value}` };
    case 'undefined':
      return { path, reason: 'is undefined' };
    case 'function':
      return { path, reason: 'is a function' };
    case 'bigint':
      return { path, reason: 'is a bigint (convert it to a string or number)' };
    case 'symbol':
      return { path, reason: 'is a symbol' };
  }
  if (value === null) return undefined;
  const obj = value as object;
  if (seen.has(obj)) return { path, reason: 'is a circular reference' };
  seen.add(obj);
  try {
    if (Array.isArray(obj)) return findInArray(obj, path, seen);
    if (!isPlainObject(obj)) return { path, reason: describeInstance(obj) };
    for (const [key, member] of Object.entries(obj)) {
      if (member === undefined) continue;
      const problem = findNonJson(member, `${path}.${key}`, seen);
      if (problem) return problem;
    }
    return undefined;
  } finally {
    seen.delete(obj);
  }
}

function findInArray(items: unknown[], path: string, seen: Set<object>): JsonProblem | undefined {
  for (let i = 0; i < items.length; i++) {
    const problem = findNonJson(items[i], `${path}[${i}]`, seen);
    if (problem) return problem;
  }
  return undefined;
}

function describeInstance(obj: object): string {
  if (obj instanceof Date) return 'is a Date (return date.toISOString() instead)';
  const name = Object.getPrototypeOf(obj)?.constructor?.name ?? 'unknown';
  return `is a ${name} instance (only plain objects and arrays are JSON)`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
