import { CronPattern } from 'croner';
import { DslError, show } from './errors.js';
import { assertJsonInput } from './json.js';

/**
 * Starts a run of the flow (or job) on a schedule.
 * @example { schedule: '0 3 * * *', input: { report: 'daily' }, timezone: 'Europe/Paris' }
 */
export interface CronOptions<TInput = unknown> {
  /**
   * Standard 5-field expression (minute hour day-of-month month day-of-week) or one of
   * `@yearly`, `@annually`, `@monthly`, `@weekly`, `@daily`, `@midnight`, `@hourly`.
   */
  schedule: string;
  /** The run input every scheduled run starts with. */
  input: TInput;
  /**
   * IANA time zone the schedule is read in.
   * @default 'UTC'
   */
  timezone?: string;
}

/** A validated schedule: the normalized expression and the values each field matches. */
export interface ParsedSchedule {
  /** 5 fields separated by single spaces, aliases expanded. */
  expression: string;
  minutes: number[];
  hours: number[];
  daysOfMonth: number[];
  months: number[];
  /** 0 = Sunday … 6 = Saturday. */
  daysOfWeek: number[];
  /** Cron's day rule: when both day fields are restricted (neither starts with `*`) either may match. */
  daysMatchEither: boolean;
}

const ALIASES: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

// One list element: `*` or a value or a range, optionally stepped; values are numbers or names.
const ELEMENT = /^(\*|(\d+|[a-z]{3})(-(\d+|[a-z]{3}))?)(\/\d+)?$/i;
const FIELD_NAMES = ['minute', 'hour', 'day-of-month', 'month', 'day-of-week'];
const USAGE =
  'use 5 fields (minute hour day-of-month month day-of-week) or one of ' +
  Object.keys(ALIASES).join(', ');

/** Validates a schedule expression and returns what it matches. */
export function parseCronSchedule(schedule: string): ParsedSchedule {
  const trimmed = schedule.trim();
  const expression = ALIASES[trimmed.toLowerCase()] ?? trimmed.split(/\s+/).join(' ');
  const fields = expression.split(' ');
  if (fields.length !== 5) throw new Error(`it has ${fields.length} fields; ${USAGE}`);
  fields.forEach((field, i) => {
    for (const element of field.split(',')) {
      if (!ELEMENT.test(element)) {
        throw new Error(
          `the ${FIELD_NAMES[i]} field '${field}' is not standard cron syntax; ${USAGE}`,
        );
      }
    }
  });
  let pattern: CronPattern;
  try {
    pattern = new CronPattern(expression, undefined, { mode: '5-part' });
  } catch (error) {
    throw new Error(`${(error as Error).message.replace(/^CronPattern: /, '')}; ${USAGE}`);
  }
  const on = (flags: number[], offset = 0) =>
    flags.flatMap((flag, index) => (flag ? [index + offset] : []));
  return {
    expression,
    minutes: on(pattern.minute),
    hours: on(pattern.hour),
    daysOfMonth: on(pattern.day, 1),
    months: on(pattern.month, 1),
    daysOfWeek: on(pattern.dayOfWeek).filter((day) => day < 7),
    daysMatchEither: !fields[2].startsWith('*') && !fields[4].startsWith('*'),
  };
}

/** Validates `cron` options of the flow `slug`; errors name the flow and the fix. */
export function validateCron(slug: string, cron: unknown): void {
  if (cron === null || typeof cron !== 'object' || Array.isArray(cron)) {
    throw new DslError(
      'INVALID_CRON',
      { flowSlug: slug, option: 'cron', value: cron },
      `cron of flow "${slug}" must be an object { schedule, input, timezone? }, got ${show(cron)}`,
      true,
    );
  }
  const { schedule, input, timezone } = cron as Record<string, unknown>;
  if (typeof schedule !== 'string') {
    throw new DslError(
      'INVALID_CRON',
      { flowSlug: slug, option: 'cron.schedule', value: schedule },
      `cron.schedule of flow "${slug}" must be a string; ${USAGE}`,
      true,
    );
  }
  try {
    parseCronSchedule(schedule);
  } catch (error) {
    throw new DslError(
      'INVALID_CRON',
      { flowSlug: slug, option: 'cron.schedule', value: schedule },
      `Invalid cron schedule '${schedule}' for flow "${slug}": ${(error as Error).message}`,
      true,
    );
  }
  if (input === undefined) {
    throw new DslError(
      'INVALID_CRON',
      { flowSlug: slug, option: 'cron.input', value: input },
      `cron.input of flow "${slug}" is required (use {} for a flow without input)`,
      true,
    );
  }
  assertJsonInput(slug, input, 'cron.input');
  if (timezone !== undefined && !isTimeZone(timezone)) {
    throw new DslError(
      'INVALID_CRON',
      { flowSlug: slug, option: 'cron.timezone', value: timezone },
      `Invalid cron timezone '${String(timezone)}' for flow "${slug}": ` +
        `use an IANA name such as 'Europe/Paris' or 'UTC'`,
      true,
    );
  }
}

function isTimeZone(value: unknown): boolean {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const UTC_NAMES = new Set(
  [
    'UTC',
    'Etc/UTC',
    'GMT',
    'Etc/GMT',
    'UCT',
    'Etc/UCT',
    'Universal',
    'Etc/Universal',
    'Zulu',
    'Etc/Zulu',
  ].map((name) => name.toLowerCase()),
);

/** True when the schedule is read in UTC (no timezone, or a UTC alias). */
export function isUtcTimeZone(timezone: string | undefined): boolean {
  return timezone === undefined || UTC_NAMES.has(timezone.toLowerCase());
}
