// compile → apply to a fresh database → the database shape equals extractFlowShape, and both
// comparisons (SQL `_compare_flow_shapes`, TS `compareFlowShapes`) report no difference.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AnyFlow,
  compareFlowShapes,
  compileCronSchedule,
  compileCronUnschedule,
  compileFlow,
  extractFlowShape,
  Flow,
  type FlowShape,
  Job,
} from '../src/index.js';
import { createMigratedDb, type TestDb } from './db.js';
import { cases } from './fixtures/compile-cases.js';

let db: TestDb;
const ROLLBACK = new Error('rollback');

beforeAll(async () => {
  db = await createMigratedDb('roundtrip');
}, 120_000);

afterAll(async () => {
  await db?.drop();
});

/** Runs `fn` in a transaction that is always rolled back, so each flow starts from a clean db. */
async function inRollback(fn: (tx: TestDb['sql']) => Promise<void>): Promise<void> {
  try {
    await db.sql.begin(async (tx) => {
      await fn(tx as unknown as TestDb['sql']);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error !== ROLLBACK) throw error;
  }
}

/** The shape without options, which the database shape does not have. */
function withoutOptions(shape: FlowShape): FlowShape {
  return { steps: shape.steps.map(({ options: _options, ...step }) => step) };
}

describe('compiled flows round-trip through the database', () => {
  it.each(cases)('%s', async (_name, flow) => {
    await inRollback(async (tx) => {
      for (const statement of compileFlow(flow)) await tx.unsafe(statement);
      const local = extractFlowShape(flow);
      const [{ shape }] = await tx`select pgflow._get_flow_shape(${flow.slug}) as shape`;
      expect(shape).toEqual(withoutOptions(local));

      const [{ diff }] = await tx`
        select pgflow._compare_flow_shapes(${tx.json(local as never)}, pgflow._get_flow_shape(${flow.slug})) as diff`;
      expect(diff).toEqual([]);
      expect(compareFlowShapes(local, shape as FlowShape)).toEqual({
        match: true,
        differences: [],
      });

      const [{ result }] = await tx`
        select pgflow.ensure_flow_compiled(${flow.slug}, ${tx.json(local as never)}) as result`;
      expect(result).toEqual({ status: 'verified', differences: [] });
    });
  });

  it('stores the create_flow defaults 3 / 5 / 60', async () => {
    await inRollback(async (tx) => {
      for (const statement of compileFlow(new Flow({ slug: 'defaults' })))
        await tx.unsafe(statement);
      const [row] = await tx`
        select opt_max_attempts, opt_base_delay, opt_timeout from pgflow.flows where flow_slug = 'defaults'`;
      expect(row).toEqual({ opt_max_attempts: 3, opt_base_delay: 5, opt_timeout: 60 });
    });
  });

  it('reports the same differences in SQL and TS for a changed flow', async () => {
    const deployed = new Flow<{ k: string }>({ slug: 'drift' })
      .step({ slug: 'a' }, () => 1)
      .step({ slug: 'b', dependsOn: ['a'] }, () => 2);
    const changed = new Flow<{ k: string }>({ slug: 'drift' })
      .step({ slug: 'a', if: { k: 'x' }, whenExhausted: 'skip' }, () => 1)
      .map({ slug: 'c' }, () => 2);
    await inRollback(async (tx) => {
      for (const statement of compileFlow(deployed)) await tx.unsafe(statement);
      const local = extractFlowShape(changed);
      const [{ diff, shape }] = await tx`
        select pgflow._compare_flow_shapes(${tx.json(local as never)}, pgflow._get_flow_shape('drift')) as diff,
               pgflow._get_flow_shape('drift') as shape`;
      expect(diff.length).toBeGreaterThan(0);
      expect(compareFlowShapes(local, shape as FlowShape).differences).toEqual(diff);
    });
  });
});

describe('cron SQL', () => {
  const flow: AnyFlow = new Job(
    { slug: 'tick', cron: { schedule: '*/5 * * * *', input: { note: "it's" } } },
    () => null,
  );
  const zoned: AnyFlow = new Flow({
    slug: 'tock',
    cron: { schedule: '0 9 * * 1-5', input: {}, timezone: 'Europe/Paris' },
  });

  it('skips with a NOTICE when pg_cron is absent', async () => {
    await inRollback(async (tx) => {
      db.notices.length = 0;
      await tx.unsafe(compileCronSchedule(flow) as string);
      await tx.unsafe(compileCronUnschedule('tick'));
      expect(db.notices).toEqual([
        `pg_cron is not installed, so flow "tick" was not scheduled; after installing it run: SELECT cron.schedule('pgflow_cron_tick', '*/5 * * * *', 'select pgflow.start_flow(''tick'', ''{"note":"it''''s"}''::jsonb)');`,
      ]);
    });
  });

  it('schedules through cron.schedule and the command starts a run', async () => {
    await inRollback(async (tx) => {
      // Minimal pg_cron shapes (pgflow-sql.md Appendix A).
      await tx.unsafe(`
        create schema cron;
        create table cron.job (jobid bigserial primary key, schedule text, command text, jobname text unique);
        create function cron.schedule(job_name text, schedule text, command text) returns bigint
          language sql as $$
            insert into cron.job (jobname, schedule, command) values (job_name, schedule, command)
            on conflict (jobname) do update set schedule = excluded.schedule, command = excluded.command
            returning jobid $$;
        create function cron.unschedule(job_name text) returns boolean
          language sql as $$ delete from cron.job where jobname = job_name returning true $$;`);
      for (const f of [flow, zoned]) {
        for (const statement of compileFlow(f)) await tx.unsafe(statement);
        await tx.unsafe(compileCronSchedule(f) as string);
      }
      const jobs = await tx`select jobname, schedule, command from cron.job order by jobname`;
      expect(jobs.map((j) => [j.jobname, j.schedule])).toEqual([
        ['pgflow_cron_tick', '*/5 * * * *'],
        ['pgflow_cron_tock', '* * * * *'],
      ]);
      await tx.unsafe(jobs[0].command);
      await tx.unsafe(jobs[1].command);
      const runs = await tx`select flow_slug, input from pgflow.runs order by flow_slug`;
      expect(runs[0]).toEqual({ flow_slug: 'tick', input: { note: "it's" } });
      expect(runs.filter((r) => r.flow_slug === 'tock').length).toBeLessThanOrEqual(1);

      await tx.unsafe(compileCronUnschedule('tick'));
      const left = await tx`select jobname from cron.job`;
      expect(left.map((j) => j.jobname)).toEqual(['pgflow_cron_tock']);
    });
  });
});
