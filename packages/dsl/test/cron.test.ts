import { describe, expect, it } from 'vitest';
import {
  compileCronSchedule,
  compileCronUnschedule,
  cronJobName,
  Flow,
  Job,
  parseCronSchedule,
} from '../src/index.js';

describe('parseCronSchedule', () => {
  it('expands aliases and lists matched values', () => {
    expect(parseCronSchedule('@weekly')).toMatchObject({
      expression: '0 0 * * 0',
      minutes: [0],
      hours: [0],
      daysOfWeek: [0],
      daysMatchEither: false,
    });
    const p = parseCronSchedule('*/20 9-10 1,15 jan mon');
    expect(p).toMatchObject({
      minutes: [0, 20, 40],
      hours: [9, 10],
      daysOfMonth: [1, 15],
      months: [1],
    });
    expect(p.daysMatchEither).toBe(true);
    expect(parseCronSchedule('0 0 * * 7').daysOfWeek).toEqual([0]);
  });
});

describe('compileCronSchedule', () => {
  it('returns nothing without cron', () => {
    expect(compileCronSchedule(new Flow({ slug: 'f' }))).toBeUndefined();
  });

  it('schedules a UTC flow with pg_cron, guarded by a NOTICE', () => {
    const flow = new Flow<{ q: string }>({
      slug: 'report',
      cron: { schedule: '@daily', input: { q: "it's" } },
    });
    expect(compileCronSchedule(flow)).toBe(
      [
        `-- pgflow cron: start flow "report" on '0 0 * * *' (UTC)`,
        'DO $pgflow$',
        'BEGIN',
        `  IF to_regprocedure('cron.schedule(text,text,text)') IS NULL THEN`,
        `    RAISE NOTICE 'pg_cron is not installed, so flow "report" was not scheduled; after installing it run: %', 'SELECT cron.schedule(''pgflow_cron_report'', ''0 0 * * *'', ''select pgflow.start_flow(''''report'''', ''''{"q":"it''''''''s"}''''::jsonb)'');';`,
        '  ELSE',
        `    PERFORM cron.schedule('pgflow_cron_report', '0 0 * * *', 'select pgflow.start_flow(''report'', ''{"q":"it''''s"}''::jsonb)');`,
        '  END IF;',
        'END',
        '$pgflow$;',
      ].join('\n'),
    );
  });

  it('runs a zoned schedule every minute and filters on the local time', () => {
    const job = new Job(
      { slug: 'wake', cron: { schedule: '30 7 * * 1-5', input: {}, timezone: 'Europe/Paris' } },
      () => null,
    );
    const sql = compileCronSchedule(job) as string;
    expect(sql).toContain(`(Europe/Paris)`);
    expect(sql).toContain(
      `PERFORM cron.schedule('pgflow_cron_wake', '* * * * *', 'select pgflow.start_flow(''wake'', ''{}''::jsonb) from (select now() at time zone ''Europe/Paris'' as t) as l where extract(minute from l.t) in (30) and extract(hour from l.t) in (7) and extract(dow from l.t) in (1, 2, 3, 4, 5)');`,
    );
  });

  it('uses OR when both day fields are restricted', () => {
    const flow = new Flow({
      slug: 'days',
      cron: { schedule: '0 12 1 * 0', input: null, timezone: 'America/New_York' },
    });
    expect(compileCronSchedule(flow)).toContain(
      `where extract(minute from l.t) in (0) and extract(hour from l.t) in (12) and (extract(day from l.t) in (1) or extract(dow from l.t) in (0))`,
    );
  });

  it('picks a dollar-quote tag that the body does not contain', () => {
    const flow = new Flow({ slug: 'tag', cron: { schedule: '@hourly', input: { s: '$pgflow$' } } });
    const sql = compileCronSchedule(flow) as string;
    expect(sql.split('\n')[1]).toBe('DO $pgflow_1$');
    expect(sql.endsWith('$pgflow_1$;')).toBe(true);
  });

  it('unschedules by job name', () => {
    expect(cronJobName('x')).toBe('pgflow_cron_x');
    expect(compileCronUnschedule('x')).toBe(
      [
        '-- pgflow cron: unschedule flow "x"',
        'DO $pgflow$',
        'BEGIN',
        `  IF to_regclass('cron.job') IS NOT NULL THEN`,
        `    PERFORM cron.unschedule(jobname) FROM cron.job WHERE jobname = 'pgflow_cron_x';`,
        '  END IF;',
        'END',
        '$pgflow$;',
      ].join('\n'),
    );
  });
});
