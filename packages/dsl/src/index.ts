// Public surface of @pgflow-ts/dsl: re-exports only.
export { compileFlow } from './compile.js';
export {
  CRON_BLOCK_MARKER,
  compileCronSchedule,
  compileCronUnschedule,
  cronJobName,
} from './compile-cron.js';
export type {
  BaseContext,
  Context,
  Env,
  FlowContext,
  MessageRecord,
  StepTaskRecord,
  UserEnv,
  ValidEnv,
  WorkerConfig,
} from './context.js';
export { type CronOptions, type ParsedSchedule, parseCronSchedule } from './cron.js';
export { DslError, type DslErrorCode, type DslErrorContext, isDslError } from './errors.js';
export { type AnyFlow, type EmptyFlow, Flow, type FlowOptions, isFlow } from './flow.js';
export type {
  AllStepInputs,
  CompatibleFlow,
  ContainmentPattern,
  ExtractFlowContext,
  ExtractFlowDeps,
  ExtractFlowEnv,
  ExtractFlowInput,
  ExtractFlowLeafSteps,
  ExtractFlowOutput,
  ExtractFlowSteps,
  ExtractFlowStepsRaw,
  GetSkippableMode,
  IsStepSkippable,
  Simplify,
  SkippableMode,
  StepInput,
  StepMeta,
  StepOutput,
} from './infer.js';
export { isJob, JOB_STEP_SLUG, Job, type JobHandler, type JobOptions } from './job.js';
export {
  type AnyInput,
  type AnyOutput,
  assertJsonInput,
  assertJsonOutput,
  type Json,
  type JsonCompatible,
  type JsonObject,
  NonJsonInputError,
  NonJsonOutputError,
} from './json.js';
export {
  FLOW_DEFAULTS,
  type RuntimeOptions,
  type StepRuntimeOptions,
  type WhenExhaustedMode,
  type WhenUnmetMode,
} from './options.js';
export {
  compareFlowShapes,
  extractFlowShape,
  type FlowShape,
  type FlowShapeOptions,
  type InputPattern,
  type ShapeComparisonResult,
  type StepShape,
  type StepShapeOptions,
} from './shape.js';
export { MAX_FLOW_SLUG_LENGTH } from './slug.js';
export type { StepDefinition, StepHandler } from './step.js';
