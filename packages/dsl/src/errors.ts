/**
 * Stable codes of the errors the DSL throws while a flow is defined. Match on `error.code`,
 * never on the message text.
 * - INVALID_SLUG: a flow or step slug breaks the slug rules (`option` is `slug`).
 * - INVALID_OPTION: an option is out of range or of the wrong type (maxAttempts, baseDelay,
 *   timeout, startDelay, whenUnmet, whenExhausted, if, ifNot).
 * - INVALID_DEPENDENCY: `dependsOn` is not an array, names a step not defined before, repeats a
 *   step, or gives a map step more than one dependency.
 * - DUPLICATE_STEP: the flow already has a step with this slug.
 * - INVALID_HANDLER: the handler is not a function.
 * - INVALID_CRON: the `cron` option is malformed (schedule, input or time zone).
 * - UNKNOWN_STEP: `getStepDefinition` was asked for a step the flow does not have.
 */
export type DslErrorCode =
  | 'INVALID_SLUG'
  | 'INVALID_OPTION'
  | 'INVALID_DEPENDENCY'
  | 'DUPLICATE_STEP'
  | 'INVALID_HANDLER'
  | 'INVALID_CRON'
  | 'UNKNOWN_STEP';

/** Where a definition error happened: the flow, the step (when there is one), the option. */
export interface DslErrorContext {
  flowSlug?: string;
  stepSlug?: string;
  option?: string;
  value?: unknown;
}

/**
 * A flow or job definition the DSL rejects. The message starts with the flow and the step
 * (`Flow "f", step "s": ...`) and ends with the bad value (`got ...`) when there is one; the same
 * facts are fields.
 * @example new Flow({ slug: 'f' }).step({ slug: 's', maxAttempts: 0 }, h)
 *   // DslError INVALID_OPTION: Flow "f", step "s": maxAttempts must be greater than or equal to 1, got 0
 */
export class DslError extends Error {
  override readonly name = 'DslError';
  readonly code: DslErrorCode;
  readonly flowSlug: string | undefined;
  readonly stepSlug: string | undefined;
  readonly option: string | undefined;
  readonly value: unknown;

  /** @param problem the message after the `Flow "f", step "s": ` prefix (none when `named`) */
  constructor(code: DslErrorCode, context: DslErrorContext, problem: string, named = false) {
    super(`${named ? '' : where(context)}${problem}`);
    this.code = code;
    this.flowSlug = context.flowSlug;
    this.stepSlug = context.stepSlug;
    this.option = context.option;
    this.value = context.value;
  }
}

/** True when `error` is a `DslError`, optionally with the given `code`. */
export function isDslError(error: unknown, code?: DslErrorCode): error is DslError {
  return error instanceof DslError && (code === undefined || error.code === code);
}

function where({ flowSlug, stepSlug }: DslErrorContext): string {
  const parts = [
    flowSlug === undefined ? undefined : `Flow ${show(flowSlug)}`,
    stepSlug === undefined ? undefined : `step ${show(stepSlug)}`,
  ].filter((part) => part !== undefined);
  if (parts.length === 0) return '';
  const text = parts.join(', ');
  return `${text[0]?.toUpperCase()}${text.slice(1)}: `;
}

/** A value as it appears in messages: strings quoted, others as JSON where possible. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol' || value === undefined) return String(value);
  if (typeof value === 'number') return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
