/** One file of supabase/migrations, embedded by scripts/gen-migrations.mjs. */
export interface Migration {
  /** The numeric file prefix, e.g. `20261126000100`; the primary key of the ledger. */
  readonly version: string;
  /** The file name after the prefix, without `.sql`, e.g. `pgmq`. */
  readonly name: string;
  /** The file name, e.g. `20261126000100_pgmq.sql`. */
  readonly file: string;
  /** sha256 (hex) of the file contents. */
  readonly checksum: string;
  readonly sql: string;
}

/** Which pgmq the database has: the real extension, or our SQL-only compatible layer. */
export interface PgmqFlavour {
  readonly flavour: 'extension' | 'compat';
  /** `pg_extension.extversion`, or the API version the compat layer declares (null if unknown). */
  readonly version: string | null;
}
