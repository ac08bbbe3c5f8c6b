/**
 * Starts test/fixtures/worker.ts as a real Node process (`node --import tsx`, no npx wrapper, so
 * signals reach the worker itself) and keeps its output for assertions and failure messages.
 * Every process started here is killed by `killAll()` (call it in afterAll) if still running.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/worker.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../fixtures/tsconfig.json', import.meta.url));

export interface WorkerConfig {
  flows: string[];
  [option: string]: unknown;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface WorkerProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  readonly exited: Promise<Exit>;
  /** Resolves with the exit, or rejects (with the output) after `timeoutMs`. */
  waitForExit(timeoutMs: number): Promise<Exit>;
  /** Resolves once the worker has started (its `ready` line); rejects if it exits first. */
  ready(timeoutMs?: number): Promise<void>;
}

const running = new Set<WorkerProcess>();

/** `env` adds to the process environment (e.g. `PGAPPNAME`, the worker's application_name). */
export function spawnWorker(
  databaseUrl: string,
  config: WorkerConfig,
  env: Record<string, string> = {},
): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    cwd: PACKAGE_DIR,
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: databaseUrl,
      TSX_TSCONFIG_PATH: TSCONFIG,
      PGFLOW_TEST_WORKER: JSON.stringify(config),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let markReady!: () => void;
  const isReady = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    if (output.includes('"event":"ready"')) markReady();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  if (child.pid === undefined) throw new Error('could not start the worker process');
  const worker: WorkerProcess = {
    pid: child.pid,
    child,
    output: () => output,
    exited,
    waitForExit(timeoutMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `worker ${child.pid} still running after ${timeoutMs} ms; output:\n${output}`,
              ),
            ),
          timeoutMs,
        );
      });
      return Promise.race([exited, timeout]).finally(() => clearTimeout(timer));
    },
    ready(timeoutMs = 30_000) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const failed = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(`worker ${child.pid} not ready after ${timeoutMs} ms; output:\n${output}`),
            ),
          timeoutMs,
        );
        void exited.then((exit) =>
          reject(
            new Error(
              `worker ${child.pid} exited before it was ready (${JSON.stringify(exit)}); output:\n${output}`,
            ),
          ),
        );
      });
      return Promise.race([isReady, failed]).finally(() => clearTimeout(timer));
    },
  };
  running.add(worker);
  void exited.then(() => running.delete(worker));
  return worker;
}

/** SIGKILLs every worker process this file started that is still running, and waits for them. */
export async function killAll(): Promise<void> {
  const left = [...running];
  for (const worker of left) worker.child.kill('SIGKILL');
  await Promise.all(left.map((worker) => worker.exited));
}
