import { PgflowError } from '../errors';
import type { SqlClient, SqlExecutor } from '../sql/port';
import { migrations as bundledMigrations } from './migrations.gen';
import { detectPgmqFlavour } from './pgmq-flavour';
import type { Migration, PgmqFlavour } from './types';

export interface InstallProgress {
  /** `applied`: the file ran and was recorded; `skipped`: it was already recorded. */
  readonly status: 'applied' | 'skipped';
  /** The migration file name, e.g. `20261126000100_pgmq.sql`. */
  readonly file: string;
  /** 1-based position of the file among all migrations. */
  readonly index: number;
  readonly total: number;
  /** Time spent on this file, in milliseconds. */
  readonly durationMs: number;
}

export interface InstallOptions {
  /** Called after each migration is applied or skipped. */
  onProgress?: (progress: InstallProgress) => void;
  /**
   * The migrations to apply, in order.
   * @default the files of supabase/migrations bundled into this package
   */
  migrations?: readonly Migration[];
}

export interface InstallResult {
  /** Files applied by this call, in order. */
  readonly applied: string[];
  /** Files already recorded as applied, in order. */
  readonly skipped: string[];
  /**
   * The pgmq now installed. `pgmq.extensionAvailable` set (flavour `compat`) means the server
   * offers the pgmq extension at that version, but the layer stays: installing again never
   * switches; docs/pgmq.md "Switching from our layer to the extension later" moves the queues.
   */
  readonly pgmq: PgmqFlavour;
}

/**
 * Serialises installers across connections and processes. It is a transaction-level lock,
 * so it works through pools (no session to pin) and is released by COMMIT/ROLLBACK even
 * when the client dies. The key is "pgflow" in ASCII.
 */
const LOCK_SQL = 'select pg_catalog.pg_advisory_xact_lock(123589402324855)';

const LEDGER_SQL = `
  create schema if not exists pgflow;
  create table if not exists pgflow.schema_migrations (
    version text primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  );`;

interface LedgerRow {
  version: string;
  checksum: string;
}

/**
 * Applies the bundled migrations in name order, each in its own transaction, and records
 * each one in `pgflow.schema_migrations`. Files already recorded are skipped, so a second
 * call changes nothing; concurrent calls are serialised and each file is applied once.
 * @throws PgflowError MIGRATION_CHECKSUM_MISMATCH when a recorded file has changed since
 * @throws PgflowError MIGRATION_FAILED when a migration raises (that file is rolled back)
 * @example
 * const { applied, pgmq } = await install(createPostgresJsClient(process.env.DATABASE_URL!));
 */
export async function install(
  client: SqlClient,
  options: InstallOptions = {},
): Promise<InstallResult> {
  const migrations = options.migrations ?? bundledMigrations;
  await client.transaction(async (tx) => {
    await lockedTransaction(tx);
    await tx.exec(LEDGER_SQL);
    // Check every recorded file before applying anything, so drift never leaves a half upgrade.
    verifyChecksums(migrations, await readLedger(tx));
  });

  const applied: string[] = [];
  const skipped: string[] = [];
  for (const [i, migration] of migrations.entries()) {
    const started = Date.now();
    const didApply = await client.transaction((tx) => applyOne(tx, migration));
    (didApply ? applied : skipped).push(migration.file);
    options.onProgress?.({
      status: didApply ? 'applied' : 'skipped',
      file: migration.file,
      index: i + 1,
      total: migrations.length,
      durationMs: Date.now() - started,
    });
  }

  const pgmq = await detectPgmqFlavour(client);
  if (!pgmq) {
    throw new PgflowError(
      'PGMQ_MISSING',
      'pgmq is missing after installing: neither the pgmq extension nor the pgmq-compatible schema exists. ' +
        'Check that the pgmq migration is bundled (node scripts/gen-migrations.mjs) and run install again.',
    );
  }
  return { applied, skipped, pgmq };
}

/**
 * The newest migration version recorded in `pgflow.schema_migrations`, or null when pgflow
 * was never installed with this installer.
 */
export async function installedVersion(db: SqlExecutor): Promise<string | null> {
  const [ledger] = await db.query<{ present: boolean }>(
    "select pg_catalog.to_regclass('pgflow.schema_migrations') is not null as present",
  );
  if (!ledger?.present) return null;
  const [row] = await db.query<{ version: string | null }>(
    'select max(version) as version from pgflow.schema_migrations',
  );
  return row?.version ?? null;
}

async function lockedTransaction(tx: SqlExecutor): Promise<void> {
  // Read committed: after waiting on the lock, the next statement sees the other installer's rows.
  await tx.query('set transaction isolation level read committed');
  await tx.query(LOCK_SQL);
}

async function applyOne(tx: SqlExecutor, migration: Migration): Promise<boolean> {
  await lockedTransaction(tx);
  const recorded = await tx.query<LedgerRow>(
    'select version, checksum from pgflow.schema_migrations where version = $1',
    [migration.version],
  );
  if (recorded[0]) {
    verifyChecksums([migration], recorded);
    return false;
  }
  try {
    await tx.exec(migration.sql);
  } catch (cause) {
    throw new PgflowError(
      'MIGRATION_FAILED',
      `Migration ${migration.file} failed and was rolled back: ${errorMessage(cause)}. ` +
        'Fix the cause (see error.cause) and run install again; earlier migrations stay applied.',
      { cause },
    );
  }
  await tx.query(
    'insert into pgflow.schema_migrations (version, name, checksum) values ($1, $2, $3)',
    [migration.version, migration.name, migration.checksum],
  );
  return true;
}

function readLedger(tx: SqlExecutor): Promise<LedgerRow[]> {
  return tx.query<LedgerRow>('select version, checksum from pgflow.schema_migrations');
}

function verifyChecksums(migrations: readonly Migration[], ledger: readonly LedgerRow[]): void {
  const recorded = new Map(ledger.map((row) => [row.version, row.checksum]));
  for (const migration of migrations) {
    const checksum = recorded.get(migration.version);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new PgflowError(
        'MIGRATION_CHECKSUM_MISMATCH',
        `Migration ${migration.file} was applied with checksum ${checksum}, but this package ` +
          `ships checksum ${migration.checksum}. An applied migration must never change: restore ` +
          `${migration.file} to its released content and put the change in a new migration file.`,
      );
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
