import type { SqlExecutor } from '../../src/sql/port';

// Every function and relation of pgflow/pgmq with its oid (a drop + create changes it) and a
// hash of its definition, plus the migration ledger: equal fingerprints mean nothing changed.
const FINGERPRINT_SQL = `
  select 'function' as kind, p.oid::regprocedure::text as name,
         p.oid::text || ':' || md5(pg_get_functiondef(p.oid)) as detail
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
   where n.nspname in ('pgflow', 'pgmq') and p.prokind in ('f', 'p')
  union all
  select 'relation', n.nspname || '.' || c.relname,
         c.oid::text || ':' || c.relkind::text || ':' || coalesce((
           select string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' order by a.attnum)
             from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped), '')
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname in ('pgflow', 'pgmq')
  union all
  select 'migration', version, checksum || ':' || applied_at::text from pgflow.schema_migrations
  order by 1, 2`;

export async function catalogFingerprint(db: SqlExecutor): Promise<string[]> {
  const rows = await db.query<{ kind: string; name: string; detail: string }>(FINGERPRINT_SQL);
  return rows.map((r) => `${r.kind} ${r.name} ${r.detail}`);
}
