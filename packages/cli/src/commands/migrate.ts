import { install } from '@pgflow-ts/core';
import { createPostgresJsClient } from '@pgflow-ts/core/postgres-js';
import type { Command } from 'commander';

/** `pgflow migrate`: applies the bundled migrations (idempotent), printing each file. */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .alias('install')
    .description('Install or upgrade the pgflow schema (and pgmq, when missing) in a database')
    .option(
      '--connection <url>',
      'database URL (default: $PGFLOW_DATABASE_URL, then $DATABASE_URL)',
    )
    .action(async (options: { connection?: string }) => {
      const url = options.connection ?? process.env.PGFLOW_DATABASE_URL ?? process.env.DATABASE_URL;
      if (!url)
        throw new Error(
          'No database: pass --connection <url> or set PGFLOW_DATABASE_URL or DATABASE_URL.',
        );
      const client = createPostgresJsClient(url);
      try {
        const result = await install(client, {
          onProgress: (p) =>
            console.log(
              `[${p.index}/${p.total}] ${p.status.padEnd(7)} ${p.file} (${p.durationMs} ms)`,
            ),
        });
        const pgmq = `${result.pgmq.flavour}${result.pgmq.version ? ` ${result.pgmq.version}` : ''}`;
        console.log(
          `pgflow schema is up to date: ${result.applied.length} applied, ${result.skipped.length} already there; pgmq: ${pgmq}`,
        );
        if (result.pgmq.extensionAvailable)
          console.log(
            `hint: this server offers the pgmq extension ${result.pgmq.extensionAvailable}, but pgmq here is the pgmq-compatible layer; to move the queues into the extension, see docs/pgmq.md, "Switching from our layer to the extension later"`,
          );
      } finally {
        await client.end();
      }
    });
}
