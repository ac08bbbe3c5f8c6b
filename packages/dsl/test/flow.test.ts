import { describe, expect, it } from 'vitest';
import { FLOW_DEFAULTS, Flow, isFlow, isJob, JOB_STEP_SLUG, Job } from '../src/index.js';

describe('Flow builder', () => {
  it('is immutable: each method returns a new flow', () => {
    const empty = new Flow({ slug: 'f', timeout: 30 });
    const one = empty.step({ slug: 'a' }, () => 1);
    const two = one.step({ slug: 'b', dependsOn: ['a'] }, () => 2);
    expect(empty.stepOrder).toEqual([]);
    expect(one.stepOrder).toEqual(['a']);
    expect(two.stepOrder).toEqual(['a', 'b']);
    expect(() => one.getStepDefinition('b')).toThrow();
    expect(two.options).toEqual({ timeout: 30 });
    expect(two.slug).toBe('f');
  });

  it('keeps only the options that were set', () => {
    const handler = () => null;
    const f = new Flow<{ a: number }>({ slug: 'f', maxAttempts: undefined }).step(
      { slug: 's', baseDelay: 2, if: { a: 1 }, timeout: undefined },
      handler,
    );
    expect(f.options).toEqual({});
    expect(f.getStepDefinition('s')).toEqual({
      slug: 's',
      handler,
      dependencies: [],
      options: { baseDelay: 2, if: { a: 1 } },
    });
  });

  it('marks map steps and records their single dependency', () => {
    const f = new Flow({ slug: 'f' })
      .array({ slug: 'list' }, () => [1, 2])
      .map({ slug: 'each', array: 'list' }, (n) => n + 1);
    expect(f.getStepDefinition('list').stepType).toBeUndefined();
    expect(f.getStepDefinition('each')).toMatchObject({ stepType: 'map', dependencies: ['list'] });
  });

  it('calls handlers with what the worker passes', async () => {
    const f = new Flow<{ n: number }>({ slug: 'f' })
      .step({ slug: 'a' }, (input) => input.n + 1)
      .step({ slug: 'b', dependsOn: ['a'] }, async (deps) => deps.a * 2);
    expect(await f.getStepDefinition('b').handler({ a: 3 }, {})).toBe(6);
  });

  it('documents the create_flow defaults 3 / 5 / 60', () => {
    expect(FLOW_DEFAULTS).toEqual({ maxAttempts: 3, baseDelay: 5, timeout: 60 });
  });

  it('is recognised by brand, not instanceof', () => {
    const f = new Flow({ slug: 'f' });
    expect(isFlow(f)).toBe(true);
    expect(isFlow({ slug: 'f' })).toBe(false);
    expect(isJob(f)).toBe(false);
    expect(f.kind).toBe('flow');
  });
});

describe('Job', () => {
  it('is a flow with one step named `job`', async () => {
    const job = new Job(
      { slug: 'send', maxAttempts: 5, cron: { schedule: '@hourly', input: { to: 'a' } } },
      async (input: { to: string }) => ({ sent: input.to }),
    );
    expect(job.kind).toBe('job');
    expect(isJob(job)).toBe(true);
    expect(isFlow(job)).toBe(true);
    expect(job.stepOrder).toEqual([JOB_STEP_SLUG]);
    expect(job.options).toEqual({ maxAttempts: 5 });
    expect(job.cron).toEqual({ schedule: '@hourly', input: { to: 'a' } });
    expect(await job.getStepDefinition('job').handler({ to: 'x' }, {})).toEqual({ sent: 'x' });
  });

  it('turns into a plain flow when steps are added', () => {
    const job = new Job({ slug: 'j' }, () => 1);
    const flow = job.step({ slug: 'after', dependsOn: ['job'] }, (d) => d.job);
    expect(flow.kind).toBe('flow');
    expect(flow.stepOrder).toEqual(['job', 'after']);
  });
});
