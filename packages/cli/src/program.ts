import { createRequire } from 'node:module';
import { Command } from 'commander';
import { registerCompileCommand } from './commands/compile.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerWorkerCommand } from './commands/worker.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** The `pgflow` command line; each command registers itself from its own module. */
export function createProgram(): Command {
  const program = new Command('pgflow').version(version).description('pgflow-ts command line');
  registerMigrateCommand(program);
  registerCompileCommand(program);
  registerWorkerCommand(program);
  return program;
}
