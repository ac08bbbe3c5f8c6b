import {
  type AnyFlow,
  compileCronSchedule,
  compileCronUnschedule,
  compileFlow,
} from '@pgflow-ts/dsl';
import type { FlowMigration } from './migrations.js';

/** What compiling one flow does to the migrations folder. */
export type FlowPlan =
  | { kind: 'unchanged'; slug: string; file: string }
  | { kind: 'write'; slug: string; reason: 'new' | 'cron' | 'data-loss'; content: string }
  | { kind: 'conflict'; slug: string; message: string };

/**
 * Compares the flow with its newest migration: nothing to do, a migration to write, or a conflict
 * that needs a new slug or `--allow-data-loss`.
 */
export function planFlow(
  flow: AnyFlow,
  migrations: readonly FlowMigration[],
  allowDataLoss: boolean,
): FlowPlan {
  const slug = flow.slug;
  const clash = migrations.find(
    (m) => m.slug !== slug && m.slug.toLowerCase() === slug.toLowerCase(),
  );
  if (clash) {
    return {
      kind: 'conflict',
      slug,
      message:
        `Flow '${slug}' differs only in letter case from flow '${clash.slug}' (${clash.file}); ` +
        'pgmq lower-cases queue table names, so both would share one queue. Choose another slug.',
    };
  }
  const statements = compileFlow(flow);
  const cron = compileCronSchedule(flow);
  const latest = migrations.filter((m) => m.slug === slug).at(-1);
  if (!latest) return { kind: 'write', slug, reason: 'new', content: render([], statements, cron) };

  const sameFlow = latest.statements.join('\n') === statements.join('\n');
  const sameCron = latest.cron === cron;
  const cronBlock = cron ?? (latest.cron ? compileCronUnschedule(slug) : undefined);
  if (sameFlow && sameCron) return { kind: 'unchanged', slug, file: latest.file };
  if (sameFlow)
    return { kind: 'write', slug, reason: 'cron', content: render([], statements, cronBlock) };
  if (allowDataLoss) {
    const reset = [`SELECT pgflow.delete_flow_and_data('${slug}');`];
    return {
      kind: 'write',
      slug,
      reason: 'data-loss',
      content: render(reset, statements, cronBlock),
    };
  }
  return { kind: 'conflict', slug, message: changedMessage(slug, latest, statements) };
}

/** pgflow's format (`statements.join('\n') + '\n'`), then the cron block after a blank line. */
function render(reset: string[], statements: string[], cron: string | undefined): string {
  const body = `${[...reset, ...statements].join('\n')}\n`;
  return cron ? `${body}\n${cron}\n` : body;
}

function changedMessage(slug: string, latest: FlowMigration, statements: string[]): string {
  const removed = latest.statements.filter((line) => !statements.includes(line));
  const added = statements.filter((line) => !latest.statements.includes(line));
  return [
    `Flow '${slug}' differs from its last migration ${latest.file}:`,
    ...removed.map((line) => `  - ${line}`),
    ...added.map((line) => `  + ${line}`),
    `A deployed flow cannot be changed in place. Either:`,
    `  - give the changed flow a new slug (for example '${slug}_v2') and compile again, or`,
    `  - compile again with --allow-data-loss to write a migration that first calls`,
    `    pgflow.delete_flow_and_data('${slug}'), which deletes every run, step state and task of '${slug}'.`,
  ].join('\n');
}
