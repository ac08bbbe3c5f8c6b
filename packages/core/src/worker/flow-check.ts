/**
 * Startup checks of a worker's flows against the database, with errors that name the fix.
 * With compilation on, `pgflow.ensure_flow_compiled` creates a missing flow and reports a changed
 * one; with it off, the flow must already exist.
 */
import { type AnyFlow, extractFlowShape } from '@pgflow-ts/dsl';
import { FlowShapeMismatchError, PgflowError } from '../errors';
import type { WorkerOptions } from '../options';
import * as pgflow from '../sql/pgflow';
import type { SqlExecutor } from '../sql/port';

export async function checkFlow(
  sql: SqlExecutor,
  flow: AnyFlow,
  compilation: WorkerOptions['compilation'],
): Promise<void> {
  if (compilation === false) {
    const rows = await sql.query('select 1 from pgflow.flows where flow_slug = $1::text', [
      flow.slug,
    ]);
    if (rows.length === 0) {
      throw new PgflowError(
        'FLOW_NOT_COMPILED',
        `Flow "${flow.slug}" is not in the database. Compile it with \`pgflow compile <module> --flow ${flow.slug}\` and apply the migration, or start the worker without \`compilation: false\` to create it at startup.`,
      );
    }
    return;
  }
  const result = await pgflow.ensureFlowCompiled(
    sql,
    flow.slug,
    extractFlowShape(flow),
    compilation.allowDataLoss ?? false,
  );
  if (result.status === 'mismatch') throw new FlowShapeMismatchError(flow.slug, result.differences);
  if (flow.kind === 'job') await pgflow.markJob(sql, flow.slug);
}

/** A clearer error when the database has no (or an old) pgflow schema. */
export function schemaMissing(error: unknown): PgflowError | undefined {
  const code = (error as { code?: string }).code;
  if (code !== '3F000' && code !== '42883' && code !== '42P01') return undefined;
  return new PgflowError(
    'SCHEMA_MISSING',
    `The database has no pgflow schema, or an outdated one (${(error as Error).message}). Install it with \`npx pgflow migrate\` (or apply supabase/migrations), then start the worker again.`,
    { cause: error },
  );
}
