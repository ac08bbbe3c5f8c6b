/**
 * OpenTelemetry bridge (optional peer dependency `@opentelemetry/api`; only its types are
 * imported, so core itself never loads it). Turns a worker's events into one span per task
 * attempt and a few metrics:
 * - span `pgflow.task <flow>.<step>` with attributes `pgflow.flow_slug`, `pgflow.run_id`,
 *   `pgflow.step_slug`, `pgflow.task_index`, `pgflow.attempt`; status ERROR on failure/retry;
 * - counter `pgflow.tasks` {flow, step, outcome: completed | retry | failed};
 * - histogram `pgflow.task.duration` (ms) {flow, step, outcome};
 * - counter `pgflow.runs` {flow, outcome: completed | failed}.
 * @example
 * import { trace, metrics } from '@opentelemetry/api';
 * instrumentWorker(worker, { tracer: trace.getTracer('pgflow-ts'), meter: metrics.getMeter('pgflow-ts') });
 */
import type { Meter, Span, Tracer } from '@opentelemetry/api';
import type { TaskEventBase, WorkerEventEmitter } from './events';

export interface InstrumentOptions {
  tracer?: Tracer;
  meter?: Meter;
}

// SpanStatusCode.ERROR, written out so that no value is imported from the optional peer.
const STATUS_ERROR = 2;

const taskKey = (e: TaskEventBase) => `${e.runId}:${e.stepSlug}:${e.taskIndex}:${e.attempt}`;

/** Subscribes to `worker.events`; returns a function that unsubscribes. */
export function instrumentWorker(
  worker: { events: Pick<WorkerEventEmitter, 'on'> },
  { tracer, meter }: InstrumentOptions,
): () => void {
  const spans = new Map<string, Span>();
  const tasks = meter?.createCounter('pgflow.tasks', { description: 'Task attempts by outcome' });
  const durations = meter?.createHistogram('pgflow.task.duration', {
    unit: 'ms',
    description: 'Task attempt duration',
  });
  const runs = meter?.createCounter('pgflow.runs', { description: 'Runs ended, by outcome' });
  const deadLetters = meter?.createCounter('pgflow.dead_letters', {
    description: 'Messages that are no task, moved to pgflow.dead_letters',
  });

  const settle = (e: TaskEventBase & { durationMs: number }, outcome: string, error?: string) => {
    const labels = { flow: e.flowSlug, step: e.stepSlug, outcome };
    tasks?.add(1, labels);
    durations?.record(e.durationMs, labels);
    const span = spans.get(taskKey(e));
    if (!span) return;
    spans.delete(taskKey(e));
    if (error !== undefined) span.setStatus({ code: STATUS_ERROR, message: error.split('\n')[0] });
    span.setAttribute('pgflow.outcome', outcome);
    span.end();
  };

  const off = [
    worker.events.on('task:started', (e) => {
      if (!tracer) return;
      spans.set(
        taskKey(e),
        tracer.startSpan(`pgflow.task ${e.flowSlug}.${e.stepSlug}`, {
          attributes: {
            'pgflow.flow_slug': e.flowSlug,
            'pgflow.run_id': e.runId,
            'pgflow.step_slug': e.stepSlug,
            'pgflow.task_index': e.taskIndex,
            'pgflow.attempt': e.attempt,
            'pgflow.worker_id': e.workerId,
          },
        }),
      );
    }),
    worker.events.on('task:completed', (e) => settle(e, 'completed')),
    worker.events.on('task:retry', (e) => settle(e, 'retry', e.error)),
    worker.events.on('task:failed', (e) => settle(e, 'failed', e.error)),
    worker.events.on('run:completed', (e) =>
      runs?.add(1, { flow: e.flowSlug, outcome: 'completed' }),
    ),
    worker.events.on('run:failed', (e) => runs?.add(1, { flow: e.flowSlug, outcome: 'failed' })),
    worker.events.on('message:dead-lettered', (e) => deadLetters?.add(1, { queue: e.queue })),
  ];
  return () => {
    for (const unsubscribe of off) unsubscribe();
  };
}
