import type { SqlExecutor } from '../sql/port';
import type { PgmqFlavour } from './types';

interface FlavourRow {
  extversion: string | null;
  has_schema: boolean;
  schema_comment: string | null;
}

// Our compatible layer marks schema pgmq with the comment
// 'pgmq-compatible SQL install (pgmq 1.5.1 API), pgflow-ts' (see the pgmq migration).
// The extension row is checked first: Studio and other tools trust only pg_extension.
const DETECT_SQL = `
  select (select extversion from pg_catalog.pg_extension where extname = 'pgmq') as extversion,
         n.oid is not null as has_schema,
         pg_catalog.obj_description(n.oid, 'pg_namespace') as schema_comment
    from (select 1) as one
    left join pg_catalog.pg_namespace n on n.nspname = 'pgmq'`;

/**
 * Tells whether pgmq is the real extension or our compatible SQL layer, and its version.
 * Returns null when the database has neither.
 */
export async function detectPgmqFlavour(db: SqlExecutor): Promise<PgmqFlavour | null> {
  const [row] = await db.query<FlavourRow>(DETECT_SQL);
  if (!row) return null;
  if (row.extversion !== null) return { flavour: 'extension', version: row.extversion };
  if (!row.has_schema) return null;
  const version = /\b(\d+\.\d+(?:\.\d+)?)\b/.exec(row.schema_comment ?? '')?.[1] ?? null;
  return { flavour: 'compat', version };
}
