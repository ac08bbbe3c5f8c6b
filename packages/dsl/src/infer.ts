// All type-level inference of the DSL lives here (STYLE: keep type gymnastics in one file).
import type { Env, FlowContext } from './context.js';
import type { AnyFlow } from './flow.js';
import type { Json } from './json.js';

/** How a step can end up skipped, as seen by its dependents. */
export type SkippableMode = 'skip' | 'skip-cascade' | false;

/** Per-step type metadata accumulated in a Flow's `Steps` generic. */
export type StepMeta<TOutput = unknown, TSkippable extends SkippableMode = SkippableMode> = {
  output: TOutput;
  skippable: TSkippable;
};

export type AnySteps = Record<string, StepMeta>;
export type AnyDeps = Record<string, string>;
export type EmptySteps = Record<never, never>;

/** Flattens intersections for readable hover types. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * Postgres `@>` containment as a type: objects match on any subset of keys, arrays on a subset of
 * elements, primitives exactly.
 */
export type ContainmentPattern<T> = T extends readonly (infer E)[]
  ? ContainmentPattern<E>[]
  : T extends object
    ? { [K in keyof T]?: ContainmentPattern<T[K]> }
    : T;

type IsAny<T> = 0 extends 1 & T ? true : false;

/** Condition patterns must be JSON objects, so only object inputs can have conditions. */
export type ObjectPattern<T> =
  IsAny<T> extends true
    ? { [key: string]: Json }
    : T extends readonly unknown[]
      ? never
      : T extends object
        ? ContainmentPattern<T>
        : never;

/** Input of a dependent step: every declared dep, optional when it may be plainly skipped. */
export type DepsInput<Steps extends AnySteps, TDeps extends keyof Steps> = Simplify<
  {
    [K in TDeps as Steps[K]['skippable'] extends 'skip' ? never : K]: Steps[K]['output'];
  } & {
    [K in TDeps as Steps[K]['skippable'] extends 'skip' ? K : never]?: Steps[K]['output'];
  }
>;

/** First handler argument of a `.step`/`.array`: the flow input for roots, else the deps object. */
export type StepHandlerInput<TFlowInput, Steps extends AnySteps, TDeps extends keyof Steps> = [
  TDeps,
] extends [never]
  ? TFlowInput
  : DepsInput<Steps, TDeps>;

/**
 * Skippable mode of a new step. `'skip'` wins when any active mode is `'skip'` (dependents must
 * treat the key as optional); a step that depends on a `'skip-cascade'` step can itself be
 * cascade-skipped, so it is at least `'skip-cascade'` (its leaf key may be missing from the run
 * output).
 */
export type ResolveSkippable<
  THasCondition extends boolean,
  TWhenUnmet,
  TWhenExhausted,
  Steps extends AnySteps,
  TDeps extends keyof Steps,
> = ResolveModes<
  (THasCondition extends true ? TWhenUnmet : never) | TWhenExhausted,
  'skip-cascade' extends Steps[TDeps]['skippable'] ? true : false
>;

type ResolveModes<TModes, TInherited extends boolean> = 'skip' extends TModes
  ? 'skip'
  : 'skip-cascade' extends TModes
    ? 'skip-cascade'
    : TInherited extends true
      ? 'skip-cascade'
      : false;

// ---- Utilities over a flow type ---------------------------------------------------------------

/** Phantom type carrier every Flow declares (no runtime value). */
export interface FlowTypes {
  input: unknown;
  context: unknown;
  steps: AnySteps;
  deps: AnyDeps;
  env: Env;
}

type TypesOf<F extends AnyFlow> = NonNullable<F['~types']>;

export type ExtractFlowInput<F extends AnyFlow> = TypesOf<F>['input'];
/** Step slug → StepMeta. */
export type ExtractFlowStepsRaw<F extends AnyFlow> = TypesOf<F>['steps'];
/** Step slug → output type. */
export type ExtractFlowSteps<F extends AnyFlow> = {
  [K in keyof ExtractFlowStepsRaw<F>]: ExtractFlowStepsRaw<F>[K]['output'];
};
/** Step slug → union of the slugs it depends on (`never` for roots). */
export type ExtractFlowDeps<F extends AnyFlow> = TypesOf<F>['deps'];
export type ExtractFlowEnv<F extends AnyFlow> = TypesOf<F>['env'];
/** What a handler of this flow receives as its second argument. */
export type ExtractFlowContext<F extends AnyFlow> = FlowContext<
  ExtractFlowEnv<F>,
  ExtractFlowInput<F>
> &
  TypesOf<F>['context'];

type StepSlug<F extends AnyFlow> = Extract<keyof ExtractFlowStepsRaw<F>, string>;

/** Slugs of the steps no other step depends on. */
export type ExtractFlowLeafSteps<F extends AnyFlow> = Exclude<
  StepSlug<F>,
  ExtractFlowDeps<F>[keyof ExtractFlowDeps<F>]
>;

/**
 * The run output: leaf slug → output. Keys of leaves that can be skipped are optional, because
 * skipped leaves are left out of the run output.
 */
export type ExtractFlowOutput<F extends AnyFlow> = Simplify<
  {
    [K in ExtractFlowLeafSteps<F> as ExtractFlowStepsRaw<F>[K]['skippable'] extends false
      ? K
      : never]: ExtractFlowStepsRaw<F>[K]['output'];
  } & {
    [K in ExtractFlowLeafSteps<F> as ExtractFlowStepsRaw<F>[K]['skippable'] extends false
      ? never
      : K]?: ExtractFlowStepsRaw<F>[K]['output'];
  }
>;

export type StepOutput<
  F extends AnyFlow,
  S extends StepSlug<F>,
> = ExtractFlowStepsRaw<F>[S]['output'];

/** Input of a step: the flow input for root steps, else the object of its dependencies. */
export type StepInput<F extends AnyFlow, S extends StepSlug<F>> = StepHandlerInput<
  ExtractFlowInput<F>,
  ExtractFlowStepsRaw<F>,
  ExtractFlowDeps<F>[S]
>;

/** Union of every step's input. */
export type AllStepInputs<F extends AnyFlow> = {
  [S in StepSlug<F>]: StepInput<F, S>;
}[StepSlug<F>];

export type GetSkippableMode<
  F extends AnyFlow,
  S extends StepSlug<F>,
> = ExtractFlowStepsRaw<F>[S]['skippable'];

/** True only for `'skip'`: the key may be missing from dependents' input. */
export type IsStepSkippable<F extends AnyFlow, S extends StepSlug<F>> =
  GetSkippableMode<F, S> extends 'skip' ? true : false;

/**
 * `F` when the resources its handlers declare (the Flow's `TContext`) are provided by the platform
 * and the user, otherwise `never`; workers use it to reject flows they cannot serve.
 */
export type CompatibleFlow<
  F extends AnyFlow,
  PlatformResources extends Record<string, unknown>,
  UserResources extends Record<string, unknown> = Record<never, never>,
> = PlatformResources & UserResources extends TypesOf<F>['context'] ? F : never;
