import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { createEventEmitter } from '../src/telemetry/events';
import { instrumentWorker } from '../src/telemetry/otel';

const base = { queue: 'f', flowSlug: 'f', runId: 'r1', stepSlug: 's', taskIndex: 0, workerId: 'w' };

describe('OpenTelemetry bridge', () => {
  it('makes one span per task attempt, with an error status on failure', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    const events = createEventEmitter();
    const recorded: Array<[string, number, Record<string, string>]> = [];
    const meter = {
      createCounter: (name: string) => ({
        add: (n: number, l: Record<string, string>) => recorded.push([name, n, l]),
      }),
      createHistogram: (name: string) => ({
        record: (n: number, l: Record<string, string>) => recorded.push([name, n, l]),
      }),
    };
    const off = instrumentWorker(
      { events },
      { tracer: provider.getTracer('t'), meter: meter as never },
    );

    events.emit('task:started', { ...base, attempt: 1 });
    events.emit('task:retry', {
      ...base,
      attempt: 1,
      durationMs: 5,
      error: 'TypeError: boom\n at x',
      delaySeconds: 2,
    });
    events.emit('task:started', { ...base, attempt: 2 });
    events.emit('task:completed', { ...base, attempt: 2, durationMs: 7 });
    events.emit('run:completed', { runId: 'r1', flowSlug: 'f', durationMs: 20 });
    off();
    events.emit('task:started', { ...base, attempt: 3 });

    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => [s.name, s.attributes['pgflow.attempt'], s.status.code])).toEqual([
      ['pgflow.task f.s', 1, 2],
      ['pgflow.task f.s', 2, 0],
    ]);
    expect(spans[0]?.status.message).toBe('TypeError: boom');
    expect(recorded).toEqual([
      ['pgflow.tasks', 1, { flow: 'f', step: 's', outcome: 'retry' }],
      ['pgflow.task.duration', 5, { flow: 'f', step: 's', outcome: 'retry' }],
      ['pgflow.tasks', 1, { flow: 'f', step: 's', outcome: 'completed' }],
      ['pgflow.task.duration', 7, { flow: 'f', step: 's', outcome: 'completed' }],
      ['pgflow.runs', 1, { flow: 'f', outcome: 'completed' }],
    ]);
  });
});
