import type { SqlExecutor } from '../sql/port';
import type { PgmqFlavour } from './types';

interface FlavourRow {
  extversion: string | null;
  has_schema: boolean;
  schema_comment: string | null;
  available: string | null;
}

// Our compatible layer marks schema pgmq with the comment
// 'pgmq-compatible SQL install (pgmq 1.5.1 API), pgflow-ts' (see the pgmq migration).
// The extension row is checked first: Studio and other tools trust only pg_extension.
// `available` is the version the pgmq migration would create on a first install (its rule 4): the
// server's default version if it is 1.5.1 or newer, else the newest listed version that is.
const DETECT_SQL = String.raw`
  select (select extversion from pg_catalog.pg_extension where extname = 'pgmq') as extversion,
         n.oid is not null as has_schema,
         pg_catalog.obj_description(n.oid, 'pg_namespace') as schema_comment,
         (select v.version
            from pg_catalog.pg_available_extension_versions v
            join pg_catalog.pg_available_extensions e on e.name = v.name
           cross join lateral (
             select pg_catalog.string_to_array(pg_catalog.substring(v.version, '^\d+(?:\.\d+)*'), '.')::int[] as parts
           ) p
           where v.name = 'pgmq' and p.parts >= array[1, 5, 1]
           order by v.version = e.default_version desc, p.parts desc
           limit 1) as available
    from (select 1) as one
    left join pg_catalog.pg_namespace n on n.nspname = 'pgmq'`;

/**
 * Tells whether pgmq is the real extension or our compatible SQL layer, and its version; for the
 * layer also whether the server now offers the extension (`extensionAvailable`).
 * Returns null when the database has neither.
 */
export async function detectPgmqFlavour(db: SqlExecutor): Promise<PgmqFlavour | null> {
  const [row] = await db.query<FlavourRow>(DETECT_SQL);
  if (!row) return null;
  if (row.extversion !== null)
    return { flavour: 'extension', version: row.extversion, extensionAvailable: null };
  if (!row.has_schema) return null;
  const version = /\b(\d+\.\d+(?:\.\d+)?)\b/.exec(row.schema_comment ?? '')?.[1] ?? null;
  return { flavour: 'compat', version, extensionAvailable: row.available };
}
