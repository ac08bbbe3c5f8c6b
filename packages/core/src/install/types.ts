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
  /**
   * With the compat layer installed: the pgmq extension version (1.5.1 or newer) this server now
   * offers, the one a first install would create (the server's default version if it is new
   * enough, else the newest listed one). The layer stays until the operator moves the queues into
   * the extension, as docs/pgmq.md "Switching from our layer to the extension later" describes;
   * installing again never switches. Null when the server offers no such version, and always null
   * for the extension flavour.
   */
  readonly extensionAvailable: string | null;
}
