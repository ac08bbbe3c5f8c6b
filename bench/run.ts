/**
 * pgflow-ts benchmark: no-op job throughput, 3-step flow runs/s and enqueue→start latency,
 * beside graphile-worker and pg-boss, each measurement on its own fresh database.
 *
 *   npm run bench -w @pgflow-ts/bench -- [--jobs 10000] [--runs 2000] [--rate 20] [--seconds 10]
 *     [--only jobs,flow,latency] [--systems pgflow-ts,graphile-worker,pg-boss] [--cap 60]
 *     [--json results.json]
 *
 * DATABASE_URL names the server (default postgres://postgres@127.0.0.1:5432/postgres); its
 * database is only used to create and drop the `h_bench_*` databases. See README.md.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { serverInfo } from './lib/db';
import type { LatencyResult, Result, ThroughputResult } from './lib/measure';
import { graphileScenarios } from './systems/graphile-worker';
import { pgBossScenarios } from './systems/pg-boss';
import { pgflowScenarios } from './systems/pgflow-ts';
import type { BenchOptions, Scenario } from './systems/types';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    cap: { type: 'string', default: '60' },
    only: { type: 'string', default: 'jobs,flow,latency' },
    systems: { type: 'string', default: 'pgflow-ts,graphile-worker,pg-boss' },
    json: { type: 'string' },
  },
});

const options: BenchOptions = {
  jobs: Number(values.jobs),
  runs: Number(values.runs),
  rate: Number(values.rate),
  seconds: Number(values.seconds),
  capMs: Number(values.cap) * 1000,
};
const kinds = new Set(values.only.split(','));
const systems = values.systems.split(',');

const all: Scenario[] = [...pgflowScenarios(), ...graphileScenarios(), ...pgBossScenarios()];
const scenarios = all
  .filter((s) => kinds.has(s.kind) && systems.includes(s.system))
  .sort((a, b) => order(a.kind) - order(b.kind));

function order(kind: Scenario['kind']) {
  return ['jobs', 'flow', 'latency'].indexOf(kind);
}

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const cpu = os.cpus();
const pg = await serverInfo();
const header = [
  `node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  `PostgreSQL ${pg.server_version} (synchronous_commit ${pg.synchronous_commit}, fsync ${pg.fsync}, shared_buffers ${pg.shared_buffers} × 8kB)`,
  `options: ${JSON.stringify(options)}`,
];
console.log(header.join('\n'));
console.log(`load average at start: ${load()}\n`);

const results: Result[] = [];
const started = Date.now();
for (const scenario of scenarios) {
  process.stdout.write(
    `… ${scenario.kind.padEnd(7)} ${scenario.system.padEnd(16)} ${scenario.config}`,
  );
  const t = Date.now();
  try {
    const result = await scenario.run(options);
    results.push(result);
    process.stdout.write(`  → ${summary(result)} (${((Date.now() - t) / 1000).toFixed(1)} s)\n`);
  } catch (error) {
    process.stdout.write(`  → FAILED: ${(error as Error).stack ?? error}\n`);
  }
}
const endLoad = load();

function summary(r: Result): string {
  if (r.kind === 'latency') return `p50 ${ms(r.p50)} p99 ${ms(r.p99)}`;
  return `${r.perSecond.toFixed(0)}/s${r.capped ? ' (capped)' : ''}`;
}

function ms(v: number) {
  return Number.isNaN(v) ? '—' : `${v.toFixed(1)} ms`;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (r: string[]) =>
    `| ${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join(' | ')} |`;
  const [head, ...body] = rows;
  if (!head) return '';
  return [
    line(head),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...body.map(line),
  ].join('\n');
}

const throughputRows = results.filter((r): r is ThroughputResult => r.kind !== 'latency');
const latencyRows = results.filter((r): r is LatencyResult => r.kind === 'latency');

console.log(
  '\nThroughput (drain of work enqueued up front; worker start → all complete in the database)\n',
);
console.log(
  table([
    [
      'workload',
      'system',
      'configuration',
      'units',
      'done',
      'seconds',
      'units/s',
      'handler calls/s',
      'db CPU ms/unit',
      'node CPU ms/unit',
    ],
    ...throughputRows.map((r) => [
      r.kind === 'jobs' ? 'no-op jobs' : '3-step runs',
      r.system,
      r.config,
      String(r.n),
      r.capped ? `${r.completed} (capped)` : String(r.completed),
      r.seconds.toFixed(2),
      r.perSecond.toFixed(0),
      (r.handlerCalls / r.seconds).toFixed(0),
      // Per-unit CPU of a row that did almost nothing is start-up and maintenance, not work.
      r.completed < 100 ? '—' : (r.dbCpuMs / r.completed).toFixed(2),
      r.completed < 100 ? '—' : (r.clientCpuMs / r.completed).toFixed(2),
    ]),
  ]),
);
console.log('\nEnqueue → handler start latency (ms; paced producer, one job at a time)\n');
console.log(
  table([
    [
      'system',
      'configuration',
      'samples',
      'missing',
      'p50',
      'p90',
      'p99',
      'max',
      'enqueue call p50',
      'call start → handler p50',
    ],
    ...latencyRows.map((r) => [
      r.system,
      r.config,
      String(r.samples),
      String(r.missing),
      r.p50.toFixed(1),
      r.p90.toFixed(1),
      r.p99.toFixed(1),
      r.max.toFixed(1),
      r.enqueueP50.toFixed(1),
      r.fromCallP50.toFixed(1),
    ]),
  ]),
);
console.log(
  `\nload average at end: ${endLoad}; total ${((Date.now() - started) / 1000).toFixed(0)} s`,
);

if (values.json) {
  writeFileSync(values.json, JSON.stringify({ header, options, results, endLoad }, null, 2));
}
