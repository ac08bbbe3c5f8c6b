import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
// Modules import the DSL source (another copy than the CLI's), as a user's project would.
const DSL = pathToFileURL(resolve(here, '../../dsl/src/index.ts')).href;
const NOW = new Date('2026-01-02T03:04:05Z');

let cwd: string;
let lines: string[];

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'h_dsl_cli_'));
  lines = [];
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

/** Writes a flow module; each call uses a new file name so the import is not cached. */
let counter = 0;
function module(body: string): string {
  const file = `flows_${++counter}.ts`;
  writeFileSync(join(cwd, file), `import { Flow, Job } from '${DSL}';\n${body}\n`);
  return file;
}

function run(modules: string[], extra: Partial<Parameters<typeof compile>[0]> = {}) {
  return compile({ modules, cwd, now: NOW, log: (line) => lines.push(line), ...extra });
}

const migrations = () => readdirSync(join(cwd, 'supabase/migrations')).sort();
const read = (file: string) => readFileSync(join(cwd, 'supabase/migrations', file), 'utf8');

const GREET = `export const Greet = new Flow<{ name: string }>({ slug: 'greet', maxAttempts: 2 })
  .step({ slug: 'hello' }, (i) => 'Hello ' + i.name)
  .step({ slug: 'shout', dependsOn: ['hello'] }, (d) => d.hello.toUpperCase());`;

describe('pgflow compile', () => {
  it('writes pgflow-named migrations in pgflow format, and nothing the second time', async () => {
    const first = await run([module(GREET)]);
    expect(migrations()).toEqual(['20260102030405_create_greet_flow.sql']);
    expect(first.written).toHaveLength(1);
    expect(read('20260102030405_create_greet_flow.sql')).toBe(
      [
        `SELECT pgflow.create_flow('greet', max_attempts => 2);`,
        `SELECT pgflow.add_step('greet', 'hello');`,
        `SELECT pgflow.add_step('greet', 'shout', ARRAY['hello']);`,
        '',
      ].join('\n'),
    );
    expect(lines).toEqual([
      `Wrote supabase/migrations/20260102030405_create_greet_flow.sql (flow 'greet').`,
    ]);

    const second = await run([module(GREET)], { now: new Date('2026-02-01T00:00:00Z') });
    expect(second).toEqual({ written: [], unchanged: ['greet'] });
    expect(migrations()).toHaveLength(1);
    expect(lines[1]).toBe(
      `Flow 'greet' is unchanged: 20260102030405_create_greet_flow.sql already has this definition, nothing written.`,
    );
  });

  it('stops on a changed definition and names the choices', async () => {
    await run([module(GREET)]);
    const changed = GREET.replace(`(d) => d.hello.toUpperCase()`, `(d) => d.hello, `).replace(
      `dependsOn: ['hello'] }`,
      `dependsOn: ['hello'], timeout: 30 }`,
    );
    await expect(run([module(changed)])).rejects.toThrow(
      [
        `Flow 'greet' differs from its last migration 20260102030405_create_greet_flow.sql:`,
        `  - SELECT pgflow.add_step('greet', 'shout', ARRAY['hello']);`,
        `  + SELECT pgflow.add_step('greet', 'shout', ARRAY['hello'], timeout => 30);`,
        'A deployed flow cannot be changed in place. Either:',
        `  - give the changed flow a new slug (for example 'greet_v2') and compile again, or`,
        '  - compile again with --allow-data-loss to write a migration that first calls',
        `    pgflow.delete_flow_and_data('greet'), which deletes every run, step state and task of 'greet'.`,
      ].join('\n'),
    );
    expect(migrations()).toHaveLength(1);

    const forced = await run([module(changed)], { allowDataLoss: true });
    expect(forced.written).toHaveLength(1);
    expect(migrations()[1]).toBe('20260102030406_create_greet_flow.sql');
    expect(read(migrations()[1])).toBe(
      [
        `SELECT pgflow.delete_flow_and_data('greet');`,
        `SELECT pgflow.create_flow('greet', max_attempts => 2);`,
        `SELECT pgflow.add_step('greet', 'hello');`,
        `SELECT pgflow.add_step('greet', 'shout', ARRAY['hello'], timeout => 30);`,
        '',
      ].join('\n'),
    );
    // The new definition is now the deployed one.
    expect((await run([module(changed)])).unchanged).toEqual(['greet']);
  });

  it('compiles only the flows named with --flow', async () => {
    const file = module(`${GREET}
export const Other = new Flow({ slug: 'other' }).step({ slug: 'a' }, () => 1);
export const SendEmail = new Job({ slug: 'send_email' }, async () => ({ sent: true }));`);
    await run([file], { flows: ['other', 'send_email'] });
    expect(migrations()).toEqual([
      '20260102030405_create_other_flow.sql',
      '20260102030406_create_send_email_flow.sql',
    ]);
    expect(read(migrations()[1])).toBe(
      `SELECT pgflow.create_flow('send_email');\nSELECT pgflow.add_step('send_email', 'job');\nSELECT pgflow.mark_job('send_email');\n`,
    );
    await expect(run([file], { flows: ['nope'] })).rejects.toThrow(
      `No flow with slug 'nope' in ${file}; found: greet, other, send_email`,
    );
  });

  it('emits pg_cron SQL and follows schedule changes without data loss', async () => {
    const cronFlow = (schedule: string | null) =>
      module(
        `export const Report = new Job({ slug: 'report'${
          schedule ? `, cron: { schedule: '${schedule}', input: { kind: 'daily' } }` : ''
        } }, () => null);`,
      );
    await run([cronFlow('@daily')]);
    expect(read(migrations()[0])).toBe(
      [
        `SELECT pgflow.create_flow('report');`,
        `SELECT pgflow.add_step('report', 'job');`,
        `SELECT pgflow.mark_job('report');`,
        '',
        `-- pgflow cron: start flow "report" on '0 0 * * *' (UTC)`,
        'DO $pgflow$',
        'BEGIN',
        `  IF to_regprocedure('cron.schedule(text,text,text)') IS NULL THEN`,
        `    RAISE NOTICE 'pg_cron is not installed, so flow "report" was not scheduled; after installing it run: %', 'SELECT cron.schedule(''pgflow_cron_report'', ''0 0 * * *'', ''select pgflow.start_flow(''''report'''', ''''{"kind":"daily"}''''::jsonb)'');';`,
        '  ELSE',
        `    PERFORM cron.schedule('pgflow_cron_report', '0 0 * * *', 'select pgflow.start_flow(''report'', ''{"kind":"daily"}''::jsonb)');`,
        '  END IF;',
        'END',
        '$pgflow$;',
        '',
      ].join('\n'),
    );
    expect((await run([cronFlow('@daily')])).written).toEqual([]);

    await run([cronFlow('0 6 * * *')]);
    expect(lines.at(-1)).toBe(
      `Wrote supabase/migrations/20260102030406_create_report_flow.sql (flow 'report': cron schedule changed).`,
    );
    expect(read(migrations()[1])).toContain(
      `PERFORM cron.schedule('pgflow_cron_report', '0 6 * * *'`,
    );

    await run([cronFlow(null)]);
    expect(read(migrations()[2])).toContain(
      `PERFORM cron.unschedule(jobname) FROM cron.job WHERE jobname = 'pgflow_cron_report';`,
    );
    expect((await run([cronFlow(null)])).unchanged).toEqual(['report']);
    expect(migrations()).toHaveLength(3);
  });

  it('rejects slugs that differ only in case from a compiled flow', async () => {
    await run([module(GREET)]);
    await expect(
      run([module(`export const G = new Flow({ slug: 'Greet' }).step({ slug: 'a' }, () => 1);`)]),
    ).rejects.toThrow(
      `Flow 'Greet' differs only in letter case from flow 'greet' (20260102030405_create_greet_flow.sql); pgmq lower-cases queue table names, so both would share one queue. Choose another slug.`,
    );
    await expect(
      run([
        module(
          `export const A = new Flow({ slug: 'dup' });\nexport const B = new Flow({ slug: 'DUP' });`,
        ),
      ]),
    ).rejects.toThrow(`Two exports define flow slugs that pgmq cannot tell apart: 'dup'`);
  });

  it('dates new files after the newest existing migration', async () => {
    mkdirSync(join(cwd, 'supabase/migrations'), { recursive: true });
    writeFileSync(join(cwd, 'supabase/migrations/20300101000000_pgflow.sql'), '-- later\n');
    await run([module(GREET)]);
    expect(migrations()).toContain('20300101000001_create_greet_flow.sql');
  });

  it('explains modules without flows and modules that fail to load', async () => {
    const empty = module('export const x = 1;');
    await expect(run([empty])).rejects.toThrow(`No exported Flow or Job found in ${empty}.`);
    await expect(run(['missing.ts'])).rejects.toThrow('Could not load missing.ts:');
  });

  it('runs as the `pgflow` command', () => {
    const bin = resolve(here, '../src/bin.ts');
    const tsx = resolve(here, '../../../node_modules/.bin/tsx');
    const file = module(GREET);
    const ok = execFileSync(
      tsx,
      [bin, 'compile', file, '--migrations', 'db/migrations', '--flow', 'greet'],
      {
        cwd,
        encoding: 'utf8',
      },
    );
    expect(ok).toMatch(
      /^Wrote db\/migrations\/\d{14}_create_greet_flow\.sql \(flow 'greet'\)\.\n$/,
    );
    const bad = spawnSync(tsx, [bin, 'compile', file, '--flow', 'zzz'], { cwd, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(`Error: No flow with slug 'zzz' in ${file}; found: greet\n`);
  });
});
