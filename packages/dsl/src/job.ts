import type { Env, FlowContext } from './context.js';
import { Flow, type FlowOptions } from './flow.js';
import type { StepMeta } from './infer.js';
import type { AnyInput, Json, JsonCompatible, JsonGuard } from './json.js';
import { validateStep } from './step.js';

/**
 * Slug of the one step every job has. Fixed, so a job's run output is always
 * `{ job: <handler result> }` and its output type is `ExtractFlowOutput<typeof MyJob>['job']`.
 */
export const JOB_STEP_SLUG = 'job';

/** Options of `new Job(...)`: the flow options (slug, retries, timeout, cron). */
export type JobOptions<TInput = AnyInput> = FlowOptions<TInput>;

export type JobHandler<TInput, TOutput, TEnv extends Env = Env> = (
  input: TInput,
  context: FlowContext<TEnv, TInput>,
) => (TOutput | Promise<TOutput>) & JsonGuard<TOutput>;

/**
 * A background job: a flow with a single step (`job`) that receives the job input.
 * Runs, retries, timeouts and cron work exactly as for flows; `kind` is `'job'`.
 * Annotate the handler's input (instead of `new Job<Input>`) to get the output type inferred.
 * @example
 * const SendEmail = new Job<{ to: string }>({ slug: 'send_email', maxAttempts: 5 }, async (input) => {
 *   await mailer.send(input.to);
 *   return { sent: true };
 * });
 */
export class Job<
  TInput extends AnyInput = AnyInput,
  TOutput = Json,
  TEnv extends Env = Env,
> extends Flow<
  TInput,
  Record<never, never>,
  { [JOB_STEP_SLUG]: StepMeta<JsonCompatible<TOutput>, false> },
  { [JOB_STEP_SLUG]: never },
  TEnv
> {
  constructor(options: JobOptions<TInput>, handler: JobHandler<TInput, TOutput, TEnv>) {
    const step = validateStep(options?.slug, new Map(), { slug: JOB_STEP_SLUG }, handler, 'single');
    super(options, { steps: new Map([[JOB_STEP_SLUG, step]]), order: [JOB_STEP_SLUG] });
  }

  override get kind(): 'job' {
    return 'job';
  }
}

/** True for a Job (also across copies of this package). */
export function isJob(value: unknown): value is Job {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'job' &&
    Symbol.for('pgflow-ts.flow') in value
  );
}
