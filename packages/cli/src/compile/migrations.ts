import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CRON_BLOCK_MARKER } from '@pgflow-ts/dsl';

/** pgflow's name for a compiled flow: `<UTC YYYYMMDDhhmmss>_create_<slug>_flow.sql`. */
const FLOW_MIGRATION = /^(\d+)_create_(.+)_flow\.sql$/;
const TIMESTAMP = /^(\d{14})_/;

export interface FlowMigration {
  file: string;
  slug: string;
  /** `create_flow`/`add_step`/`mark_job` lines, in file order. */
  statements: string[];
  /** The schedule block, or `undefined` when the file schedules nothing or unschedules. */
  cron: string | undefined;
}

/** Every `*_create_<slug>_flow.sql` in the folder, oldest first (file-name order). */
export function readFlowMigrations(dir: string): FlowMigration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => FLOW_MIGRATION.test(file))
    .sort()
    .map((file) => parseFlowMigration(file, readFileSync(join(dir, file), 'utf8')));
}

export function parseFlowMigration(file: string, text: string): FlowMigration {
  const slug = (FLOW_MIGRATION.exec(file) as RegExpExecArray)[2];
  const lines = text.split('\n');
  const statements = lines.filter(
    (line) =>
      line.startsWith('SELECT pgflow.create_flow(') ||
      line.startsWith('SELECT pgflow.add_step(') ||
      line.startsWith('SELECT pgflow.mark_job('),
  );
  const marker = lines.findIndex((line) => line.startsWith(CRON_BLOCK_MARKER));
  const block = marker === -1 ? undefined : lines.slice(marker).join('\n').trim();
  const cron = block && !block.split('\n')[0].includes(' unschedule ') ? block : undefined;
  return { file, slug, statements, cron };
}

/** The newest 14-digit timestamp prefix in the folder, if any. */
export function newestTimestamp(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir)
    .map((file) => TIMESTAMP.exec(file)?.[1])
    .filter((stamp): stamp is string => stamp !== undefined)
    .sort()
    .at(-1);
}

/**
 * `count` migration timestamps (UTC `YYYYMMDDhhmmss`), one second apart, starting at `now` or
 * right after the newest existing one, so new files always sort last.
 */
export function nextTimestamps(now: Date, newest: string | undefined, count: number): string[] {
  let time = Math.floor(now.getTime() / 1000) * 1000;
  if (newest !== undefined) time = Math.max(time, parseTimestamp(newest) + 1000);
  return Array.from({ length: count }, (_, i) => formatTimestamp(new Date(time + i * 1000)));
}

export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function parseTimestamp(stamp: string): number {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((i, n) =>
    Number(stamp.slice(i, i + (n === 0 ? 4 : 2))),
  );
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

export function migrationFileName(timestamp: string, slug: string): string {
  return `${timestamp}_create_${slug}_flow.sql`;
}
