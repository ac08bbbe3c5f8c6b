/**
 * Stable error codes. Match on `error.code`, never on the message text.
 * - MIGRATION_CHECKSUM_MISMATCH: an applied migration's file changed after it was applied.
 * - MIGRATION_FAILED: a migration raised; its transaction was rolled back.
 * - PGMQ_MISSING: neither the pgmq extension nor our compatible layer is installed.
 * - INVALID_OPTION: a worker or client option is out of range; the message says which.
 * - FLOW_SHAPE_MISMATCH: a flow in the database differs from its definition.
 * - FLOW_NOT_COMPILED: a flow is not in the database (startup compilation is off, or a run or job
 *   was started before any worker or migration created it).
 * - RUN_TIMEOUT: a run did not finish within the time the caller waited for it.
 * - SCHEMA_MISSING: the database has no pgflow schema (or an outdated one): run the migrations.
 */
export type PgflowErrorCode =
  | 'MIGRATION_CHECKSUM_MISMATCH'
  | 'MIGRATION_FAILED'
  | 'PGMQ_MISSING'
  | 'INVALID_OPTION'
  | 'FLOW_SHAPE_MISMATCH'
  | 'FLOW_NOT_COMPILED'
  | 'RUN_TIMEOUT'
  | 'SCHEMA_MISSING';

/** An error raised by pgflow-ts itself: a stable `code`, a message that names the fix, a `cause`. */
export class PgflowError extends Error {
  override readonly name: string = 'PgflowError';
  readonly code: PgflowErrorCode;

  constructor(code: PgflowErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True when `error` is a `PgflowError`, optionally with the given `code`. */
export function isPgflowError(error: unknown, code?: PgflowErrorCode): error is PgflowError {
  return error instanceof PgflowError && (code === undefined || error.code === code);
}

const MAX_CAUSES = 5;

/**
 * Turns anything thrown by a handler into the `error_message` text stored by `fail_task`:
 * name, message and stack (or a JSON rendering of a non-Error), then each `cause`, cut to
 * `maxLength` characters.
 * @default maxLength 4000
 */
export function serializeError(value: unknown, maxLength = 4000): string {
  const parts: string[] = [];
  let current: unknown = value;
  for (let depth = 0; depth <= MAX_CAUSES && current !== undefined; depth++) {
    parts.push((depth === 0 ? '' : 'Caused by: ') + describe(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  const text = parts.join('\n');
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) {
    const head = `${value.name}: ${value.message}`;
    const stack = value.stack ?? '';
    // V8 stacks already begin with "Name: message"; other runtimes give frames only.
    return stack.startsWith(head) ? stack : `${head}${stack ? `\n${stack}` : ''}`;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * A flow in the database differs from its definition (startup compilation found a mismatch).
 * Name, fields and the first lines of the message are pgflow's; the last lines name our fixes.
 */
export class FlowShapeMismatchError extends PgflowError {
  override readonly name = 'FlowShapeMismatchError';
  constructor(
    readonly flowSlug: string,
    readonly differences: string[],
  ) {
    super(
      'FLOW_SHAPE_MISMATCH',
      [
        `Flow '${flowSlug}' shape mismatch with database.`,
        'Run migrations or use development mode to recompile.',
        'Differences:',
        ...differences.map((d) => `  - ${d}`),
        `Fix: give the changed flow a new slug (e.g. a version suffix), or recompile it with \`pgflow compile <module> --flow ${flowSlug} --allow-data-loss\` (deletes its runs), or start the worker with \`compilation: { allowDataLoss: true }\` in development.`,
      ].join('\n'),
    );
  }
}
