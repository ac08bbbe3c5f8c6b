import { startWorker } from '@pgflow-ts/worker-node';
import type { Command } from 'commander';
import { loadFlows } from '../compile/load-flows.js';

export interface WorkerCommandOptions {
  connection?: string;
  maxConcurrent?: string;
  batchSize?: string;
  signal?: 'polling' | 'notify';
  functionName?: string;
  compile: boolean;
  allowDataLoss: boolean;
}

/** `pgflow worker <module...>`: serves every exported Flow and Job until SIGTERM/SIGINT. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description(
      'Run a worker for every Flow and Job the modules export (stops gracefully on SIGTERM/SIGINT)',
    )
    .argument('<module...>', 'TypeScript or JavaScript modules that export flows or jobs')
    .option(
      '--connection <url>',
      'database URL (default: $PGFLOW_DATABASE_URL, then $DATABASE_URL)',
    )
    .option('--max-concurrent <n>', 'handlers running at once (default 10)')
    .option('--batch-size <n>', 'messages claimed per poll (default 10)')
    .option('--signal <strategy>', "how idle workers learn of new work: 'polling' or 'notify'")
    .option('--function-name <name>', 'name recorded in pgflow.workers')
    .option(
      '--no-compile',
      'do not create or verify flows at startup (they must be compiled already)',
    )
    .option(
      '--allow-data-loss',
      'recreate a flow whose definition changed (deletes its runs)',
      false,
    )
    .action(async (modules: string[], options: WorkerCommandOptions) => {
      await runWorker(modules, options);
    });
}

export async function runWorker(modules: string[], options: WorkerCommandOptions): Promise<void> {
  const found = await loadFlows(modules, process.cwd());
  if (found.length === 0) {
    throw new Error(
      `No exported Flow or Job in ${modules.join(', ')}: export them, e.g. \`export const MyFlow = new Flow(...)\`.`,
    );
  }
  const flows = found.filter((f) => f.flow.kind !== 'job').map((f) => f.flow);
  const jobs = found.filter((f) => f.flow.kind === 'job').map((f) => f.flow);
  const worker = await startWorker({
    flows,
    jobs,
    connection: options.connection,
    maxConcurrent: options.maxConcurrent === undefined ? undefined : Number(options.maxConcurrent),
    batchSize: options.batchSize === undefined ? undefined : Number(options.batchSize),
    signal: options.signal,
    functionName: options.functionName,
    compilation: options.compile ? { allowDataLoss: options.allowDataLoss } : false,
  });
  worker.events.on('worker:error', ({ error, during }) => {
    console.error(
      `pgflow worker: error during ${during}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  worker.events.on('worker:deprecated', () =>
    console.log('pgflow worker: deprecated by an operator, stopping'),
  );
  worker.events.on('worker:reregistered', ({ queues }) =>
    console.log(
      `pgflow worker: registered again for ${queues.join(', ')} (its worker rows were deleted)`,
    ),
  );
  const names = found.map((f) => `${f.flow.kind} ${f.flow.slug}`).join(', ');
  console.log(`pgflow worker: serving ${names}`);
  await worker.closed;
  console.log('pgflow worker: stopped');
}
