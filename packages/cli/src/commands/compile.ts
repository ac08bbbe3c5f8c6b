import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { type FoundFlow, loadFlows } from '../compile/load-flows.js';
import {
  migrationFileName,
  newestTimestamp,
  nextTimestamps,
  readFlowMigrations,
} from '../compile/migrations.js';
import { type FlowPlan, planFlow } from '../compile/plan.js';

export interface CompileOptions {
  /** Flow/job modules (TypeScript or JavaScript), relative to `cwd`. */
  modules: string[];
  /** Only these flow slugs; all exported flows when empty. */
  flows?: string[];
  /** @default 'supabase/migrations' */
  migrations?: string;
  /** Write a migration that deletes and recreates a changed flow. @default false */
  allowDataLoss?: boolean;
  cwd?: string;
  /** Clock for the migration timestamps. @default new Date() */
  now?: Date;
  log?: (line: string) => void;
}

export interface CompileResult {
  /** Paths of the migrations written. */
  written: string[];
  /** Slugs whose newest migration already matches. */
  unchanged: string[];
}

/** Registers `pgflow compile <module...> [--flow slug] [--migrations dir] [--allow-data-loss]`. */
export function registerCompileCommand(program: Command): void {
  program
    .command('compile')
    .description(
      'Write a migration for each exported Flow or Job whose definition is new or changed',
    )
    .argument('<module...>', 'TypeScript or JavaScript modules that export flows or jobs')
    .option('--flow <slug>', 'compile only this flow (repeatable)', collect, [])
    .option('--migrations <dir>', 'migrations folder', 'supabase/migrations')
    .option(
      '--allow-data-loss',
      'for a changed flow, write a migration that calls pgflow.delete_flow_and_data first',
      false,
    )
    .action(
      async (
        modules: string[],
        options: { flow: string[]; migrations: string; allowDataLoss: boolean },
      ) => {
        await compile({
          modules,
          flows: options.flow,
          migrations: options.migrations,
          allowDataLoss: options.allowDataLoss,
        });
      },
    );
}

/**
 * Loads the modules, compiles every selected flow and writes the migrations that are needed.
 * Nothing is written when any flow has a conflict.
 * @throws Error with the message to show (unknown flow, changed definition, load failure)
 */
export async function compile(options: CompileOptions): Promise<CompileResult> {
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? ((line: string) => console.log(line));
  const dir = resolve(cwd, options.migrations ?? 'supabase/migrations');
  const flows = selectFlows(
    await loadFlows(options.modules, cwd),
    options.flows ?? [],
    options.modules,
  );
  const existing = readFlowMigrations(dir);
  const plans = flows.map((found) =>
    planFlow(found.flow, existing, options.allowDataLoss ?? false),
  );

  const conflicts = plans.filter((plan) => plan.kind === 'conflict');
  if (conflicts.length > 0) throw new Error(conflicts.map((plan) => plan.message).join('\n\n'));

  const writes = plans.filter((plan) => plan.kind === 'write');
  const stamps = nextTimestamps(options.now ?? new Date(), newestTimestamp(dir), writes.length);
  if (writes.length > 0) mkdirSync(dir, { recursive: true });
  const result: CompileResult = { written: [], unchanged: [] };
  for (const plan of plans) {
    if (plan.kind === 'unchanged') {
      result.unchanged.push(plan.slug);
      log(
        `Flow '${plan.slug}' is unchanged: ${plan.file} already has this definition, nothing written.`,
      );
    } else if (plan.kind === 'write') {
      const path = join(dir, migrationFileName(stamps[writes.indexOf(plan)], plan.slug));
      writeFileSync(path, plan.content, { flag: 'wx' });
      result.written.push(path);
      log(`Wrote ${relative(cwd, path)} (${describe(plan)}).`);
    }
  }
  return result;
}

function describe(plan: Extract<FlowPlan, { kind: 'write' }>): string {
  if (plan.reason === 'cron') return `flow '${plan.slug}': cron schedule changed`;
  if (plan.reason === 'data-loss')
    return `flow '${plan.slug}': deletes its data, then recreates it`;
  return `flow '${plan.slug}'`;
}

function selectFlows(found: FoundFlow[], wanted: string[], modules: string[]): FoundFlow[] {
  if (found.length === 0) {
    throw new Error(
      `No exported Flow or Job found in ${modules.join(', ')}. Export them, e.g. \`export const MyFlow = new Flow(...)\`.`,
    );
  }
  checkDuplicates(found);
  const slugs = found.map((f) => f.flow.slug);
  const missing = wanted.filter((slug) => !slugs.includes(slug));
  if (missing.length > 0) {
    throw new Error(
      `No flow with slug ${missing.map((s) => `'${s}'`).join(', ')} in ${modules.join(', ')}; found: ${slugs.join(', ')}`,
    );
  }
  return wanted.length === 0 ? found : found.filter((f) => wanted.includes(f.flow.slug));
}

function checkDuplicates(found: FoundFlow[]): void {
  for (const [i, a] of found.entries()) {
    const b = found
      .slice(0, i)
      .find((x) => x.flow.slug.toLowerCase() === a.flow.slug.toLowerCase());
    if (b) {
      throw new Error(
        `Two exports define flow slugs that pgmq cannot tell apart: '${b.flow.slug}' (${b.module} ${b.exportName}) ` +
          `and '${a.flow.slug}' (${a.module} ${a.exportName}). Give each flow its own slug.`,
      );
    }
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
