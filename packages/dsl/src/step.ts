import { DslError, type DslErrorContext, show } from './errors.js';
import { findNonJson, isPlainObject } from './json.js';
import { type StepRuntimeOptions, validateMode, validateRuntimeOptions } from './options.js';
import { validateSlug } from './slug.js';

export type StepType = 'single' | 'map';

/** A step handler as the worker calls it: (input, context) → output. */
// biome-ignore lint/suspicious/noExplicitAny: workers call handlers with runtime JSON
export type StepHandler = (input: any, context: any) => unknown;

export interface StepDefinition {
  slug: string;
  handler: StepHandler;
  /** Slugs of the steps this one depends on, in declaration order. */
  dependencies: string[];
  /** Only the options that were set. */
  options: StepRuntimeOptions;
  /** `'map'` for `.map` steps, `undefined` for `.step`/`.array` (as in pgflow). */
  stepType?: 'map';
}

const OPTION_KEYS = [
  'maxAttempts',
  'baseDelay',
  'timeout',
  'startDelay',
  'if',
  'ifNot',
  'whenUnmet',
  'whenExhausted',
] as const satisfies readonly (keyof StepRuntimeOptions)[];

/** Validates a new step against the flow's existing steps and returns its definition. */
export function validateStep(
  flowSlug: string,
  existing: ReadonlyMap<string, StepDefinition>,
  opts: Omit<StepRuntimeOptions, 'if' | 'ifNot'> & {
    slug: unknown;
    dependsOn?: readonly string[];
    if?: unknown;
    ifNot?: unknown;
  },
  handler: unknown,
  stepType: StepType,
): StepDefinition {
  const { slug } = opts;
  const flow = typeof flowSlug === 'string' ? { flowSlug } : {};
  validateSlug(slug, { ...flow, stepSlug: typeof slug === 'string' ? slug : undefined });
  const where: DslErrorContext = { ...flow, stepSlug: slug };
  const badDeps = (problem: string, value: unknown = opts.dependsOn) =>
    new DslError('INVALID_DEPENDENCY', { ...where, option: 'dependsOn', value }, problem);
  if (opts.dependsOn !== undefined && !Array.isArray(opts.dependsOn)) {
    throw badDeps(`dependsOn must be an array of step slugs, got ${show(opts.dependsOn)}`);
  }
  if (existing.has(slug)) {
    throw new DslError(
      'DUPLICATE_STEP',
      { ...where, option: 'slug', value: slug },
      `Step "${slug}" already exists in flow "${flowSlug}"`,
    );
  }
  const dependencies = [...(opts.dependsOn ?? [])];
  for (const dep of dependencies) {
    if (!existing.has(dep)) {
      throw badDeps(
        `Step "${slug}" depends on undefined step ${show(dep)} (dependsOn: ${show(dependencies)}; defined so far: ${show([...existing.keys()])})`,
      );
    }
  }
  const duplicate = dependencies.find((dep, i) => dependencies.indexOf(dep) !== i);
  if (duplicate !== undefined) {
    throw badDeps(`Step "${slug}" lists dependency "${duplicate}" more than once`);
  }
  if (stepType === 'map' && dependencies.length > 1) {
    throw badDeps(
      `Map step "${slug}" can have at most one dependency, but ${dependencies.length} were provided: ${dependencies.join(', ')}`,
    );
  }
  if (typeof handler !== 'function') {
    throw new DslError(
      'INVALID_HANDLER',
      { ...where, option: 'handler', value: handler },
      `Step "${slug}" needs a handler function, got ${show(handler)}`,
    );
  }
  const options: StepRuntimeOptions = {};
  for (const key of OPTION_KEYS) {
    if (opts[key] !== undefined) Object.assign(options, { [key]: opts[key] });
  }
  for (const key of ['if', 'ifNot'] as const) validatePattern(where, key, opts[key]);
  validateRuntimeOptions(options, where);
  validateConditions(where, options);
  // Frozen: flows are immutable and share step definitions between builder instances.
  return Object.freeze({
    slug,
    handler: handler as StepHandler,
    dependencies: Object.freeze(dependencies) as string[],
    options: Object.freeze(options),
    ...(stepType === 'map' ? { stepType } : {}),
  });
}

function validateConditions(where: DslErrorContext, options: StepRuntimeOptions): void {
  validateMode('whenUnmet', options.whenUnmet, where);
  validateMode('whenExhausted', options.whenExhausted, where);
  if (options.whenUnmet !== undefined && options.if === undefined && options.ifNot === undefined) {
    throw new DslError(
      'INVALID_OPTION',
      { ...where, option: 'whenUnmet', value: options.whenUnmet },
      `whenUnmet needs an if or ifNot condition, got whenUnmet ${show(options.whenUnmet)} alone`,
    );
  }
}

function validatePattern(where: DslErrorContext, key: 'if' | 'ifNot', pattern: unknown): void {
  if (pattern === undefined) return;
  const fail = (problem: string) => {
    throw new DslError('INVALID_OPTION', { ...where, option: key, value: pattern }, problem);
  };
  if (!isPlainObject(pattern)) {
    const got = Array.isArray(pattern) ? 'an array' : pattern === null ? 'null' : typeof pattern;
    fail(`the ${key} pattern must be a JSON object, got ${got}`);
  }
  const problem = findNonJson(pattern, key, new Set());
  if (problem) fail(`the ${key} pattern is not JSON: ${problem.path} ${problem.reason}`);
}
