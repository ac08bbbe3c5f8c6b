import { isUtcTimeZone, type ParsedSchedule, parseCronSchedule } from './cron.js';
import type { AnyFlow } from './flow.js';
import { dollarQuote, sqlLiteral } from './sql.js';

/** First line of every cron block; `pgflow compile` finds cron blocks in migrations by it. */
export const CRON_BLOCK_MARKER = '-- pgflow cron:';

/** pg_cron job name of a flow's schedule. */
export function cronJobName(flowSlug: string): string {
  return `pgflow_cron_${flowSlug}`;
}

/**
 * SQL that schedules the flow's `cron` with pg_cron (`cron.schedule`, an upsert by job name), or
 * `undefined` when the flow has no cron. Without pg_cron it only raises a NOTICE that gives the
 * statement to run later.
 *
 * pg_cron reads schedules in GMT. A schedule in another time zone therefore runs every minute and
 * starts the flow only when the local time in that zone matches the schedule (DST included: a
 * local time that is skipped does not run, one that repeats runs twice).
 */
export function compileCronSchedule(flow: AnyFlow): string | undefined {
  if (!flow.cron) return undefined;
  const { schedule, input, timezone } = flow.cron;
  const parsed = parseCronSchedule(schedule);
  const utc = isUtcTimeZone(timezone);
  const start = `select pgflow.start_flow(${sqlLiteral(flow.slug)}, ${sqlLiteral(JSON.stringify(input))}::jsonb)`;
  const command = utc ? start : `${start}${localTimeFilter(parsed, timezone as string)}`;
  const call = `cron.schedule(${sqlLiteral(cronJobName(flow.slug))}, ${sqlLiteral(utc ? parsed.expression : '* * * * *')}, ${sqlLiteral(command)})`;
  const where = utc ? 'UTC' : timezone;
  const body = [
    '',
    'BEGIN',
    `  IF to_regprocedure('cron.schedule(text,text,text)') IS NULL THEN`,
    `    RAISE NOTICE 'pg_cron is not installed, so flow "${flow.slug}" was not scheduled; after installing it run: %', ${sqlLiteral(`SELECT ${call};`)};`,
    '  ELSE',
    `    PERFORM ${call};`,
    '  END IF;',
    'END',
    '',
  ].join('\n');
  return [
    `${CRON_BLOCK_MARKER} start flow "${flow.slug}" on '${parsed.expression}' (${where})`,
    `DO ${dollarQuote(body)};`,
  ].join('\n');
}

/** SQL that removes the flow's pg_cron job if there is one. */
export function compileCronUnschedule(flowSlug: string): string {
  const body = [
    '',
    'BEGIN',
    `  IF to_regclass('cron.job') IS NOT NULL THEN`,
    `    PERFORM cron.unschedule(jobname) FROM cron.job WHERE jobname = ${sqlLiteral(cronJobName(flowSlug))};`,
    '  END IF;',
    'END',
    '',
  ].join('\n');
  return [`${CRON_BLOCK_MARKER} unschedule flow "${flowSlug}"`, `DO ${dollarQuote(body)};`].join(
    '\n',
  );
}

/** ` from (…) where …`: keeps the start only when the local time matches the schedule. */
function localTimeFilter(parsed: ParsedSchedule, timezone: string): string {
  const field = (name: string, values: number[], all: number) =>
    values.length === all ? undefined : `extract(${name} from l.t) in (${values.join(', ')})`;
  const conditions = [
    field('minute', parsed.minutes, 60),
    field('hour', parsed.hours, 24),
    field('month', parsed.months, 12),
  ];
  const dom = field('day', parsed.daysOfMonth, 31);
  const dow = field('dow', parsed.daysOfWeek, 7);
  if (parsed.daysMatchEither && dom && dow) conditions.push(`(${dom} or ${dow})`);
  else conditions.push(dom, dow);
  const where = conditions.filter((c) => c !== undefined);
  const from = ` from (select now() at time zone ${sqlLiteral(timezone)} as t) as l`;
  return where.length === 0 ? from : `${from} where ${where.join(' and ')}`;
}
