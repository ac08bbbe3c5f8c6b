import type { AnyFlow } from './flow.js';
import type { Json } from './json.js';
import type { WhenExhaustedMode, WhenUnmetMode } from './options.js';

/** A condition pattern; the wrapper tells "unset" apart from a JSON `null`. */
export type InputPattern = { defined: false } | { defined: true; value: Json };

export interface StepShapeOptions {
  maxAttempts?: number;
  baseDelay?: number;
  timeout?: number;
  startDelay?: number;
}

export interface FlowShapeOptions {
  maxAttempts?: number;
  baseDelay?: number;
  timeout?: number;
}

export interface StepShape {
  slug: string;
  stepType: 'single' | 'map';
  /** Sorted. */
  dependencies: string[];
  whenUnmet: WhenUnmetMode;
  whenExhausted: WhenExhaustedMode;
  requiredInputPattern: InputPattern;
  forbiddenInputPattern: InputPattern;
  /** Only when at least one option is set; only the set ones. */
  options?: StepShapeOptions;
}

/** The structure of a flow, as compared by `pgflow.ensure_flow_compiled`. */
export interface FlowShape {
  steps: StepShape[];
  options?: FlowShapeOptions;
}

export interface ShapeComparisonResult {
  match: boolean;
  differences: string[];
}

/**
 * The flow's shape, in the JSON form `pgflow.ensure_flow_compiled(slug, shape)` takes. Equal to the
 * database's `pgflow._get_flow_shape(slug)` once `options` are left out (the database shape has none).
 */
export function extractFlowShape(flow: AnyFlow): FlowShape {
  const steps = flow.stepOrder.map((slug): StepShape => {
    const step = flow.getStepDefinition(slug);
    const o = step.options;
    const shape: StepShape = {
      slug,
      stepType: step.stepType ?? 'single',
      dependencies: [...step.dependencies].sort(),
      whenUnmet: o.whenUnmet ?? 'skip',
      whenExhausted: o.whenExhausted ?? 'fail',
      requiredInputPattern: toPattern(o.if),
      forbiddenInputPattern: toPattern(o.ifNot),
    };
    const options = definedOnly({
      maxAttempts: o.maxAttempts,
      baseDelay: o.baseDelay,
      timeout: o.timeout,
      startDelay: o.startDelay,
    });
    if (options) shape.options = options;
    return shape;
  });
  const shape: FlowShape = { steps };
  const options = definedOnly({
    maxAttempts: flow.options.maxAttempts,
    baseDelay: flow.options.baseDelay,
    timeout: flow.options.timeout,
  });
  if (options) shape.options = options;
  return shape;
}

function toPattern(value: unknown): InputPattern {
  return value === undefined ? { defined: false } : { defined: true, value: value as Json };
}

function definedOnly<T extends Record<string, number | undefined>>(
  values: T,
): Partial<T> | undefined {
  const entries = Object.entries(values).filter(([, value]) => value !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<T>) : undefined;
}

/**
 * Compares two shapes position by position with the difference texts of
 * `pgflow._compare_flow_shapes`. A key missing on one side differs from a present one (SQL
 * `IS DISTINCT FROM`). Options are compared only when both sides carry an `options` object
 * (flow level, or the two steps at one index), because the database shape has none; then a key
 * set on one side only is a difference: `Step at index <i>: option <key> differs '<a>' vs '<b>'`
 * and, after the steps, `Flow option <key> differs '<a>' vs '<b>'`.
 */
export function compareFlowShapes(a: FlowShape, b: FlowShape): ShapeComparisonResult {
  const first = a.steps ?? [];
  const second = b.steps ?? [];
  const differences: string[] = [];
  if (first.length !== second.length) {
    differences.push(`Step count differs: ${first.length} vs ${second.length}`);
  }
  for (let i = 0; i < Math.max(first.length, second.length); i++) {
    const x = first[i];
    const y = second[i];
    if (!x) differences.push(`Step at index ${i}: missing in first shape (second has '${y.slug}')`);
    else if (!y)
      differences.push(`Step at index ${i}: missing in second shape (first has '${x.slug}')`);
    else differences.push(...compareSteps(i, x, y));
  }
  differences.push(
    ...compareOptions('Flow', a.options, b.options, ['maxAttempts', 'baseDelay', 'timeout']),
  );
  return { match: differences.length === 0, differences };
}

function compareSteps(i: number, x: Partial<StepShape>, y: Partial<StepShape>): string[] {
  const at = `Step at index ${i}:`;
  const out: string[] = [];
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  if (x.slug !== y.slug) out.push(`${at} slug differs '${text(x.slug)}' vs '${text(y.slug)}'`);
  if (x.stepType !== y.stepType) {
    out.push(`${at} type differs '${text(x.stepType)}' vs '${text(y.stepType)}'`);
  }
  const depsX = [...(x.dependencies ?? [])].sort().join(', ');
  const depsY = [...(y.dependencies ?? [])].sort().join(', ');
  if (depsX !== depsY) out.push(`${at} dependencies differ [${depsX}] vs [${depsY}]`);
  if (x.whenUnmet !== y.whenUnmet) {
    out.push(`${at} whenUnmet differs '${text(x.whenUnmet)}' vs '${text(y.whenUnmet)}'`);
  }
  if (x.whenExhausted !== y.whenExhausted) {
    out.push(
      `${at} whenExhausted differs '${text(x.whenExhausted)}' vs '${text(y.whenExhausted)}'`,
    );
  }
  for (const key of ['requiredInputPattern', 'forbiddenInputPattern'] as const) {
    const px = x[key] === undefined ? '' : jsonbText(x[key]);
    const py = y[key] === undefined ? '' : jsonbText(y[key]);
    if (px !== py) out.push(`${at} ${key} differs '${px}' vs '${py}'`);
  }
  const keys = ['maxAttempts', 'baseDelay', 'timeout', 'startDelay'] as const;
  out.push(...compareOptions(at, x.options, y.options, keys));
  return out;
}

function compareOptions(
  where: string,
  x: object | undefined,
  y: object | undefined,
  keys: readonly string[],
): string[] {
  if (!isObject(x) || !isObject(y)) return [];
  return keys.flatMap((key) => {
    const vx = (x as Record<string, unknown>)[key] ?? undefined;
    const vy = (y as Record<string, unknown>)[key] ?? undefined;
    if (vx === vy) return [];
    return [`${where} option ${key} differs '${vx ?? ''}' vs '${vy ?? ''}'`];
  });
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const utf8 = new TextEncoder();

/**
 * JSON text as Postgres prints a jsonb value: `": "` and `", "` separators, object keys ordered
 * shorter first, then bytewise; so difference texts match the SQL ones.
 */
export function jsonbText(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  const keys = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort(compareJsonbKeys);
  const members = keys.map(
    (key) => `${JSON.stringify(key)}: ${jsonbText((value as Record<string, unknown>)[key])}`,
  );
  return `{${members.join(', ')}}`;
}

function compareJsonbKeys(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  if (x.length !== y.length) return x.length - y.length;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}
