/**
 * @pgflow-ts/edge-function: a Hono app that hosts a pgflow-ts worker in a Supabase Edge
 * Function (or anything that serves a `fetch` handler on Deno).
 *
 * The first authenticated request starts one worker for the given flows and jobs; later ones
 * answer `running`. `EdgeRuntime.waitUntil` keeps the isolate alive while the worker runs.
 * Before the platform's wall-clock limit (or on `beforeunload`) the worker hands over: it
 * stops claiming, lets in-flight tasks finish within the margin, and marks its worker rows
 * stopped (`pgflow.mark_worker_stopped`), so `pgflow.ensure_workers()` pings a fresh isolate.
 */
import { type DenoWorker, type StartWorkerOptions, startWorker } from '@pgflow-ts/worker-deno';
import { Hono } from 'hono';
import { checkBearer, resolveSecret } from './auth.ts';

export interface EdgeLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface EdgeWorkerOptions extends StartWorkerOptions {
  /**
   * Name recorded in `pgflow.workers.function_name` and `pgflow.worker_functions` (the name
   * `ensure_workers` pings). @default the first path segment of the start request (on
   * Supabase, the function's name), else env `PGFLOW_FUNCTION_NAME`, else 'pgflow-edge-worker'
   */
  functionName?: string;
  /**
   * Accept start requests without the Bearer secret. Only for a local stack nobody else can
   * reach; there is no automatic local mode. @default false
   */
  insecureLocal?: boolean;
  /**
   * The platform's wall-clock limit per isolate, counted from `createEdgeWorker` (module load).
   * @default 150_000 (Supabase free plan; paid plans allow 400_000)
   */
  wallClockLimitMs?: number;
  /**
   * How long before the wall-clock limit the worker stops claiming and hands over. In-flight
   * tasks get this margin minus 5 s (unless `shutdownGraceMs` is given). @default 20_000
   */
  handoverMarginMs?: number;
  /** Where the edge worker logs. @default console, prefixed with `[pgflow]` */
  logger?: EdgeLogger;
  /** Pool size. @default 4 (edge functions share a small pooler) */
  maxPgConnections?: number;
  /**
   * Signals that hand over. Only SIGTERM by default: `deno serve` closes its server on SIGTERM
   * and then waits for the worker, while SIGINT must keep killing it at once. Where signals are
   * not available (Supabase's runtime), `beforeunload` and the wall-clock limit still apply.
   * @default ['SIGTERM']
   */
  handleSignals?: StartWorkerOptions['handleSignals'];
}

export interface EdgeWorker {
  /** The Hono app: `GET /health` (also `/<function>/health`), anything else starts the worker. */
  readonly app: Hono;
  /** Request handler for `Deno.serve(edge.fetch)` or `export default { fetch: edge.fetch }`. */
  fetch(request: Request): Promise<Response>;
  /** The worker, once a start request has started it. */
  readonly worker: DenoWorker | undefined;
  /** Stops claiming, finishes in-flight tasks and marks the worker rows stopped. */
  handover(reason?: string): Promise<void>;
}

const DEFAULT_FUNCTION_NAME = 'pgflow-edge-worker';

const consoleLogger: EdgeLogger = {
  info: (message) => console.info(`[pgflow] ${message}`),
  warn: (message) => console.warn(`[pgflow] ${message}`),
  error: (message) => console.error(`[pgflow] ${message}`),
};

/**
 * @example
 * const edge = createEdgeWorker({ flows: [MyFlow] });
 * Deno.serve(edge.fetch);
 */
export function createEdgeWorker(options: EdgeWorkerOptions): EdgeWorker {
  const {
    insecureLocal = false,
    wallClockLimitMs = 150_000,
    handoverMarginMs = 20_000,
    logger = consoleLogger,
  } = options;
  const env = options.env ?? Deno.env.toObject();
  const secret = resolveSecret(env);
  const deadline = Date.now() + wallClockLimitMs - handoverMarginMs;
  if (insecureLocal)
    logger.warn('insecureLocal is on: start requests are NOT authenticated (local use only)');

  let worker: DenoWorker | undefined;
  let starting: Promise<DenoWorker> | undefined;
  let handingOver: Promise<void> | undefined;
  let startedAs: string | undefined;

  async function start(functionName: string): Promise<DenoWorker> {
    const {
      insecureLocal: _i,
      wallClockLimitMs: _w,
      handoverMarginMs: _h,
      logger: _l,
      ...rest
    } = options;
    const started = await startWorker({
      ...rest,
      env,
      functionName,
      connection: rest.connection ?? env.EDGE_WORKER_DB_URL,
      maxPgConnections: rest.maxPgConnections ?? 4,
      postgres: { prepare: false, ...rest.postgres },
      shutdownGraceMs: rest.shutdownGraceMs ?? Math.max(0, handoverMarginMs - 5000),
      handleSignals: rest.handleSignals ?? ['SIGTERM'],
    });
    worker = started;
    startedAs = functionName;
    const ids = [...started.workerIds.entries()].map(([queue, id]) => `${queue}=${id}`).join(' ');
    logger.info(`worker started: function=${functionName} ${ids}`);
    started.events.on('worker:error', ({ error, during }) =>
      logger.error(`${during}: ${describe(error)}`),
    );
    started.events.on('worker:deprecated', () =>
      logger.info('deprecated by an operator: stopped claiming'),
    );
    started.events.on('worker:reregistered', ({ queues }) =>
      logger.info(`registered again for ${queues.join(', ')} (its worker rows were deleted)`),
    );
    started.events.on('worker:stopped', ({ durationMs }) =>
      logger.info(`worker stopped after ${durationMs} ms`),
    );

    const timer = setTimeout(
      () => void handover('wall-clock limit'),
      Math.max(0, deadline - Date.now()),
    );
    const onUnload = () => void handover('beforeunload');
    globalThis.addEventListener('beforeunload', onUnload);
    void started.stopped.then(() => {
      clearTimeout(timer);
      globalThis.removeEventListener('beforeunload', onUnload);
    });
    (
      globalThis as { EdgeRuntime?: { waitUntil?(p: Promise<unknown>): void } }
    ).EdgeRuntime?.waitUntil?.(started.closed);
    return started;
  }

  async function handover(reason = 'requested'): Promise<void> {
    const current = await starting?.catch(() => undefined);
    if (!current) return;
    handingOver ??= (async () => {
      logger.info(
        `handing over (${reason}): stopped claiming; marking the worker stopped once in-flight tasks end`,
      );
      await current.stop();
      await current.closed;
    })();
    return handingOver;
  }

  const app = new Hono();
  const health = () =>
    Response.json({ status: 'ok', worker: worker?.state ?? (starting ? 'starting' : 'idle') });
  app.get('/health', health);
  app.get('/:fn/health', health);
  app.all('*', async (c) => {
    if (!insecureLocal) {
      if (!secret) {
        logger.error(
          'refusing to start: set PGFLOW_AUTH_SECRET or SUPABASE_SERVICE_ROLE_KEY (or insecureLocal: true)',
        );
        return c.json(
          { error: 'Internal Server Error', message: 'Worker authentication is not configured' },
          500,
        );
      }
      const failure = await checkBearer(c.req.header('Authorization'), secret);
      if (failure) {
        logger.warn(`Unauthorized ${c.req.method} ${c.req.path}: ${failure}`);
        return c.json({ error: 'Unauthorized', message: 'Unauthorized' }, 401);
      }
    }
    const first = !starting;
    if (first && Date.now() >= deadline) {
      return c.json(
        { status: 'stopping', message: 'Too close to the wall-clock limit to start' },
        503,
      );
    }
    if (!starting) {
      const name = options.functionName ?? (c.req.path.split('/').find(Boolean) || undefined);
      starting = start(name ?? env.PGFLOW_FUNCTION_NAME ?? DEFAULT_FUNCTION_NAME);
      starting.catch(() => {
        starting = undefined;
      });
    }
    let current: DenoWorker;
    try {
      current = await starting;
    } catch (error) {
      if (first) logger.error(`worker failed to start: ${describe(error)}`);
      return c.json(
        {
          error: 'Internal Server Error',
          message: 'Worker failed to start; see the function logs',
        },
        500,
      );
    }
    const body = { workerId: [...current.workerIds.values()][0], functionName: startedAs };
    if (current.state !== 'running') {
      return c.json({ status: current.state === 'stopped' ? 'stopped' : 'stopping', ...body }, 503);
    }
    return c.json({ status: first ? 'started' : 'running', ...body });
  });

  return {
    app,
    fetch: async (request) => await app.fetch(request),
    get worker() {
      return worker;
    },
    handover,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export type { DenoWorker, StartWorkerOptions } from '@pgflow-ts/worker-deno';
