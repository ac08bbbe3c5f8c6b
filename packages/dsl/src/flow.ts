import type { Env, FlowContext } from './context.js';
import { type CronOptions, validateCron } from './cron.js';
import { DslError } from './errors.js';
import type {
  AnyDeps,
  AnySteps,
  DepsInput,
  EmptySteps,
  ObjectPattern,
  ResolveSkippable,
  StepHandlerInput,
  StepMeta,
} from './infer.js';
import type { AnyInput, JsonCompatible, JsonGuard } from './json.js';
import {
  type RuntimeOptions,
  type StepRuntimeOptions,
  validateRuntimeOptions,
  type WhenExhaustedMode,
  type WhenUnmetMode,
} from './options.js';
import { validateFlowSlug } from './slug.js';
import { type StepDefinition, type StepType, validateStep } from './step.js';

const FLOW_BRAND = Symbol.for('pgflow-ts.flow');

/** Options of `new Flow(...)`. */
export interface FlowOptions<TInput = AnyInput> extends RuntimeOptions {
  /** Flow slug, also the name of its pgmq queue: 1–47 characters, `[a-zA-Z_][a-zA-Z0-9_]*`. */
  slug: string;
  /** Start a run on a schedule (pg_cron through `pgflow compile`). */
  cron?: CronOptions<TInput>;
}

type StepSlugOf<Steps> = Extract<keyof Steps, string>;
/** A slug that is not yet a step of the flow (`never` makes a duplicate a type error). */
type NewSlug<Slug extends string, Steps> = Slug extends keyof Steps ? never : Slug;
type ElementOf<T> = T extends readonly (infer E)[] ? E : never;
type ArrayStepSlugs<Steps extends AnySteps> = {
  [K in StepSlugOf<Steps>]: Steps[K]['output'] extends readonly unknown[] ? K : never;
}[StepSlugOf<Steps>];

interface BaseStepOptions<Slug extends string, TWhenExhausted> {
  slug: Slug;
  maxAttempts?: number;
  baseDelay?: number;
  timeout?: number;
  startDelay?: number;
  whenExhausted?: TWhenExhausted;
}
interface DependsOn<TDeps> {
  /** Steps this step waits for; their outputs become the handler input. Omit for a root step. */
  dependsOn?: readonly [TDeps, ...TDeps[]];
}
interface NoCondition {
  if?: undefined;
  ifNot?: undefined;
  whenUnmet?: undefined;
}
interface RootMapOptions {
  array?: undefined;
  dependsOn?: never;
}
interface DependentMapOptions<TArray> {
  /** The step whose output array is mapped over. */
  array: TArray;
  dependsOn?: never;
}
type WithCondition<TPattern, TWhenUnmet> =
  | { if: TPattern; ifNot?: TPattern; whenUnmet?: TWhenUnmet }
  | { if?: TPattern; ifNot: TPattern; whenUnmet?: TWhenUnmet };

type AddStep<
  TFlowInput extends AnyInput,
  TContext,
  Steps extends AnySteps,
  StepDependencies extends AnyDeps,
  TEnv extends Env,
  Slug extends string,
  TOutput,
  TSkippable extends StepMeta['skippable'],
  TDeps extends string,
> = Flow<
  TFlowInput,
  TContext,
  Steps & { [K in Slug]: StepMeta<TOutput, TSkippable> },
  StepDependencies & { [K in Slug]: TDeps },
  TEnv
>;

/**
 * A workflow definition: an immutable builder; every `.step`, `.array` and `.map` returns a new
 * Flow and leaves the original untouched.
 * @example
 * const Greet = new Flow<{ name: string }>({ slug: 'greet' })
 *   .step({ slug: 'hello' }, (input) => `Hello ${input.name}`)
 *   .step({ slug: 'shout', dependsOn: ['hello'] }, (deps) => deps.hello.toUpperCase());
 */
export class Flow<
  TFlowInput extends AnyInput = AnyInput,
  // biome-ignore lint/complexity/noBannedTypes: `{}` = no custom resources, as in pgflow
  TContext = {},
  Steps extends AnySteps = EmptySteps,
  StepDependencies extends AnyDeps = EmptySteps,
  TEnv extends Env = Env,
> {
  /** Type carrier for the `Extract*` utilities; never set at run time. */
  declare readonly '~types'?: {
    input: TFlowInput;
    context: TContext;
    steps: Steps;
    deps: StepDependencies;
    env: TEnv;
  };
  readonly slug: string;
  /** Flow options as passed (unset ones take the `create_flow` defaults 3 / 5 / 60). */
  readonly options: RuntimeOptions;
  readonly cron: CronOptions<TFlowInput> | undefined;
  /** Step slugs in definition order. */
  readonly stepOrder: readonly string[];
  /** `'job'` for a {@link Job}; compile and workers may treat jobs specially. */
  get kind(): 'flow' | 'job' {
    return 'flow';
  }
  readonly #steps: ReadonlyMap<string, StepDefinition>;

  /** @param state internal: the steps carried over by the builder methods */
  constructor(options: FlowOptions<TFlowInput>, state?: FlowState) {
    const { slug, cron, ...runtime } = options;
    validateFlowSlug(slug);
    this.options = pickDefined(runtime, ['maxAttempts', 'baseDelay', 'timeout']);
    validateRuntimeOptions(this.options, { flowSlug: slug });
    if (cron !== undefined) validateCron(slug, cron);
    this.slug = slug;
    this.cron = cron;
    this.stepOrder = state ? [...state.order] : [];
    this.#steps = state?.steps ?? new Map();
    Object.defineProperty(this, FLOW_BRAND, { value: true });
  }

  /** Definition of one step; throws when the flow has no such step. */
  getStepDefinition(slug: string): StepDefinition {
    const step = this.#steps.get(slug);
    if (!step) {
      throw new DslError(
        'UNKNOWN_STEP',
        { flowSlug: this.slug, stepSlug: slug },
        `Step "${slug}" does not exist in flow "${this.slug}" (its steps: ${this.stepOrder.join(', ') || 'none'})`,
      );
    }
    return step;
  }

  /** A step that runs once per run; its handler result must be JSON. */
  step<
    Slug extends string,
    TReturn,
    TDeps extends StepSlugOf<Steps> = never,
    TWhenExhausted extends WhenExhaustedMode = 'fail',
  >(
    opts: BaseStepOptions<NewSlug<Slug, Steps>, TWhenExhausted> & DependsOn<TDeps> & NoCondition,
    handler: (
      input: StepHandlerInput<TFlowInput, Steps, TDeps>,
      context: FlowContext<TEnv, TFlowInput> & TContext,
    ) => TReturn & JsonGuard<Awaited<TReturn>>,
  ): AddStep<
    TFlowInput,
    TContext,
    Steps,
    StepDependencies,
    TEnv,
    Slug,
    JsonCompatible<Awaited<TReturn>>,
    ResolveSkippable<false, never, TWhenExhausted, Steps, TDeps>,
    TDeps
  >;
  step<
    Slug extends string,
    TReturn,
    TDeps extends StepSlugOf<Steps> = never,
    TWhenUnmet extends WhenUnmetMode = 'skip',
    TWhenExhausted extends WhenExhaustedMode = 'fail',
  >(
    opts: BaseStepOptions<NewSlug<Slug, Steps>, TWhenExhausted> &
      DependsOn<TDeps> &
      WithCondition<ObjectPattern<StepHandlerInput<TFlowInput, Steps, TDeps>>, TWhenUnmet>,
    handler: (
      input: StepHandlerInput<TFlowInput, Steps, TDeps>,
      context: FlowContext<TEnv, TFlowInput> & TContext,
    ) => TReturn & JsonGuard<Awaited<TReturn>>,
  ): AddStep<
    TFlowInput,
    TContext,
    Steps,
    StepDependencies,
    TEnv,
    Slug,
    JsonCompatible<Awaited<TReturn>>,
    ResolveSkippable<true, TWhenUnmet, TWhenExhausted, Steps, TDeps>,
    TDeps
  >;
  step(opts: LooseStepOptions, handler: AnyHandler): AnyFlow {
    return this.#add(opts, handler, 'single');
  }

  /** A step whose output is an array, typically feeding a `.map`. Same options as `.step`. */
  array<
    Slug extends string,
    TReturn extends readonly unknown[] | Promise<readonly unknown[]>,
    TDeps extends StepSlugOf<Steps> = never,
    TWhenExhausted extends WhenExhaustedMode = 'fail',
  >(
    opts: BaseStepOptions<NewSlug<Slug, Steps>, TWhenExhausted> & DependsOn<TDeps> & NoCondition,
    handler: (
      input: StepHandlerInput<TFlowInput, Steps, TDeps>,
      context: FlowContext<TEnv, TFlowInput> & TContext,
    ) => TReturn & JsonGuard<Awaited<TReturn>>,
  ): AddStep<
    TFlowInput,
    TContext,
    Steps,
    StepDependencies,
    TEnv,
    Slug,
    JsonCompatible<Awaited<TReturn>>,
    ResolveSkippable<false, never, TWhenExhausted, Steps, TDeps>,
    TDeps
  >;
  array<
    Slug extends string,
    TReturn extends readonly unknown[] | Promise<readonly unknown[]>,
    TDeps extends StepSlugOf<Steps> = never,
    TWhenUnmet extends WhenUnmetMode = 'skip',
    TWhenExhausted extends WhenExhaustedMode = 'fail',
  >(
    opts: BaseStepOptions<NewSlug<Slug, Steps>, TWhenExhausted> &
      DependsOn<TDeps> &
      WithCondition<ObjectPattern<StepHandlerInput<TFlowInput, Steps, TDeps>>, TWhenUnmet>,
    handler: (
      input: StepHandlerInput<TFlowInput, Steps, TDeps>,
      context: FlowContext<TEnv, TFlowInput> & TContext,
    ) => TReturn & JsonGuard<Awaited<TReturn>>,
  ): AddStep<
    TFlowInput,
    TContext,
    Steps,
    StepDependencies,
    TEnv,
    Slug,
    JsonCompatible<Awaited<TReturn>>,
    ResolveSkippable<true, TWhenUnmet, TWhenExhausted, Steps, TDeps>,
    TDeps
  >;
  array(opts: LooseStepOptions, handler: AnyHandler): AnyFlow {
    return this.#add(opts, handler, 'single');
  }

  /**
   * A step that runs its handler once per element: of the flow input (root map, no `array`) or of
   * the output of the step named by `array`. Its output is the array of the handler results. A
   * root map cannot have a condition: its input is an array and patterns are JSON objects.
   */
  map<Slug extends string, TReturn, TWhenExhausted extends WhenExhaustedMode = 'fail'>(
    opts: BaseStepOptions<NewSlug<Slug, Steps>, TWhenExhausted> & RootMapOptions & NoCondition,
    handler: (
      item: ElementOf<TFlowInput>,
      context: FlowContext<TEnv, TFlowInput> & TContext,
    ) => TReturn & JsonGuard<Awaited<TReturn>>,
  ): AddStep<
    TFlowInput,
    TContext,
    Steps,
    StepDependencies,
    TEnv,
    Slug,
    JsonCompatible<Awaited<TReturn>>[],
    ResolveSkippable<false, never, TWhenExhausted, Steps, never>,
    never
  >;
  map<
    Slug extends string,
    TArray extends ArrayStepSlugs<Steps>,
    TReturn,
    TWhenExhausted extends WhenExhaustedMode = 'fail',
  >(
    opts: BaseStepOptions<NewSlug<Slug, Steps>, TWhenExhausted> &
      DependentMapOptions<TArray> &
      NoCondition,
    handler: (
      item: ElementOf<Steps[TArray]['output']>,
      context: FlowContext<TEnv, TFlowInput> & TContext,
    ) => TReturn & JsonGuard<Awaited<TReturn>>,
  ): AddStep<
    TFlowInput,
    TContext,
    Steps,
    StepDependencies,
    TEnv,
    Slug,
    JsonCompatible<Awaited<TReturn>>[],
    ResolveSkippable<false, never, TWhenExhausted, Steps, TArray>,
    TArray
  >;
  map<
    Slug extends string,
    TArray extends ArrayStepSlugs<Steps>,
    TReturn,
    TWhenUnmet extends WhenUnmetMode = 'skip',
    TWhenExhausted extends WhenExhaustedMode = 'fail',
  >(
    opts: BaseStepOptions<NewSlug<Slug, Steps>, TWhenExhausted> &
      DependentMapOptions<TArray> &
      WithCondition<ObjectPattern<DepsInput<Steps, TArray>>, TWhenUnmet>,
    handler: (
      item: ElementOf<Steps[TArray]['output']>,
      context: FlowContext<TEnv, TFlowInput> & TContext,
    ) => TReturn & JsonGuard<Awaited<TReturn>>,
  ): AddStep<
    TFlowInput,
    TContext,
    Steps,
    StepDependencies,
    TEnv,
    Slug,
    JsonCompatible<Awaited<TReturn>>[],
    ResolveSkippable<true, TWhenUnmet, TWhenExhausted, Steps, TArray>,
    TArray
  >;
  map(opts: LooseStepOptions, handler: AnyHandler): AnyFlow {
    const { array, dependsOn: _ignored, ...rest } = opts;
    // An array of slugs (untyped callers) reaches the "at most one dependency" check.
    const dependsOn = array === undefined ? undefined : Array.isArray(array) ? array : [array];
    return this.#add({ ...rest, dependsOn }, handler, 'map');
  }

  #add(opts: LooseStepOptions, handler: AnyHandler, stepType: StepType): AnyFlow {
    const step = validateStep(this.slug, this.#steps, opts, handler, stepType);
    const steps = new Map(this.#steps).set(step.slug, step);
    return new Flow(
      { slug: this.slug, ...this.options, cron: this.cron },
      { steps, order: [...this.stepOrder, step.slug] },
    );
  }
}

/** Steps carried from one builder instance to the next (second constructor argument). */
export interface FlowState {
  steps: ReadonlyMap<string, StepDefinition>;
  order: readonly string[];
}

// biome-ignore lint/suspicious/noExplicitAny: implementation signature behind typed overloads
type AnyHandler = (input: any, context: any) => unknown;
/** What the overloads accept, as the implementation sees it. */
type LooseStepOptions = Omit<StepRuntimeOptions, 'if' | 'ifNot'> & {
  slug: string;
  dependsOn?: readonly string[];
  array?: string | readonly string[];
  if?: unknown;
  ifNot?: unknown;
};

// biome-ignore lint/suspicious/noExplicitAny: the widest flow type, as in pgflow
export type AnyFlow = Flow<any, any, any, any, any>;
export type EmptyFlow = Flow<AnyInput, Record<never, never>, EmptySteps, EmptySteps, Env>;

/** True for a Flow or Job, also across copies of this package (brand symbol, not instanceof). */
export function isFlow(value: unknown): value is AnyFlow {
  return typeof value === 'object' && value !== null && FLOW_BRAND in value;
}

function pickDefined<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) {
    if (source[key] !== undefined) picked[key] = source[key];
  }
  return picked;
}
