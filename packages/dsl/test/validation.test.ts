import { describe, expect, it } from 'vitest';
import { assertJsonOutput, Flow, Job, NonJsonOutputError } from '../src/index.js';

// Untyped callers (plain JS, JSON configs) reach the runtime checks the types would reject.
// biome-ignore lint/suspicious/noExplicitAny: deliberately untyped
const loose = (flow: Flow<any>) => flow as any;
const noop = () => null;
const flow = () => new Flow({ slug: 'f' });

describe('slug validation (texts as in pgflow)', () => {
  it.each([
    ['', 'Slug cannot be empty'],
    ['a'.repeat(129), `Slug '${'a'.repeat(129)}' cannot be longer than 128 characters`],
    ['run', `Slug 'run' is reserved and cannot be used`],
    ['1abc', `Slug '1abc' cannot start with a number`],
    ['my-step', `Slug 'my-step' can only contain letters, numbers, and underscores`],
    ['my step', `Slug 'my step' can only contain letters, numbers, and underscores`],
  ])('step slug %j', (slug, message) => {
    expect(() => flow().step({ slug }, noop)).toThrow(message);
  });

  it.each([
    ['', 'Slug cannot be empty'],
    ['run', `Slug 'run' is reserved and cannot be used`],
    ['9flow', `Slug '9flow' cannot start with a number`],
    ['a.b', `Slug 'a.b' can only contain letters, numbers, and underscores`],
  ])('flow slug %j', (slug, message) => {
    expect(() => new Flow({ slug })).toThrow(message);
  });

  it('rejects a non-string slug', () => {
    expect(() => new Flow({ slug: 42 as unknown as string })).toThrow('Slug cannot be empty');
  });

  it('limits flow slugs to 47 characters (the pgmq queue name)', () => {
    expect(() => new Flow({ slug: 'a'.repeat(47) })).not.toThrow();
    expect(() => new Flow({ slug: 'a'.repeat(48) })).toThrow(
      `Flow slug '${'a'.repeat(48)}' cannot be longer than 47 characters, because it is also the name of the flow's pgmq queue`,
    );
    expect(() => flow().step({ slug: 's'.repeat(128) }, noop)).not.toThrow();
  });
});

describe('option validation', () => {
  it.each([
    [{ maxAttempts: 0 }, 'maxAttempts must be greater than or equal to 1'],
    [{ baseDelay: 0 }, 'baseDelay must be greater than or equal to 1'],
    [{ timeout: 2 }, 'timeout must be greater than or equal to 3'],
    [{ maxAttempts: 1.5 }, 'maxAttempts must be an integer'],
    [{ baseDelay: Number.NaN }, 'baseDelay must be an integer'],
    [{ timeout: '60' }, 'timeout must be an integer'],
    [{ maxAttempts: 2147483648 }, 'maxAttempts must not exceed 2147483647'],
  ])('flow %j', (options, message) => {
    expect(() => new Flow({ slug: 'f', ...(options as object) })).toThrow(message);
  });

  it.each([
    [{ maxAttempts: 0 }, 'maxAttempts must be greater than or equal to 1'],
    [{ baseDelay: 0 }, 'baseDelay must be greater than or equal to 1'],
    [{ timeout: 0 }, 'timeout must be greater than or equal to 3'],
    [{ startDelay: -1 }, 'startDelay must be greater than or equal to 0'],
    [{ startDelay: 0.5 }, 'startDelay must be an integer'],
    [{ timeout: Number.POSITIVE_INFINITY }, 'timeout must not exceed 2147483647'],
    [
      { whenUnmet: 'ignore', if: { a: 1 } },
      `whenUnmet must be one of 'fail', 'skip', 'skip-cascade', got ignore`,
    ],
    [
      { whenExhausted: 'retry' },
      `whenExhausted must be one of 'fail', 'skip', 'skip-cascade', got retry`,
    ],
  ])('step %j', (options, message) => {
    expect(() => loose(flow()).step({ slug: 's', ...options }, noop)).toThrow(message);
  });

  it('accepts the minimum of each option', () => {
    const f = flow().step(
      { slug: 's', maxAttempts: 1, baseDelay: 1, timeout: 3, startDelay: 0 },
      noop,
    );
    expect(f.getStepDefinition('s').options).toEqual({
      maxAttempts: 1,
      baseDelay: 1,
      timeout: 3,
      startDelay: 0,
    });
  });
});

describe('builder validation', () => {
  const base = flow().step({ slug: 'a' }, noop);

  it('rejects a duplicate step', () => {
    expect(() => loose(base).step({ slug: 'a' }, noop)).toThrow(
      'Step "a" already exists in flow "f"',
    );
  });

  it('rejects an undefined dependency, also for maps', () => {
    expect(() => loose(base).step({ slug: 'b', dependsOn: ['nope'] }, noop)).toThrow(
      'Step "b" depends on undefined step "nope"',
    );
    expect(() => loose(base).map({ slug: 'm', array: 'nope' }, noop)).toThrow(
      'Step "m" depends on undefined step "nope"',
    );
  });

  it('rejects a map with more than one dependency', () => {
    const two = base.step({ slug: 'b' }, noop);
    expect(() => loose(two).map({ slug: 'm', array: ['a', 'b'] }, noop)).toThrow(
      'Map step "m" can have at most one dependency, but 2 were provided: a, b',
    );
  });

  it('rejects a dependency listed twice', () => {
    expect(() => loose(base).step({ slug: 'b', dependsOn: ['a', 'a'] }, noop)).toThrow(
      'Step "b" lists dependency "a" more than once',
    );
  });

  it('rejects a non-array dependsOn and a missing handler', () => {
    expect(() => loose(base).step({ slug: 'b', dependsOn: 'a' }, noop)).toThrow(
      'Flow "f", step "b": dependsOn must be an array of step slugs, got "a"',
    );
    expect(() => loose(base).step({ slug: 'b' })).toThrow('Step "b" needs a handler function');
  });

  it('rejects condition patterns that are not JSON objects (defect 45)', () => {
    expect(() => loose(base).step({ slug: 'b', if: [1] }, noop)).toThrow(
      'Flow "f", step "b": the if pattern must be a JSON object, got an array',
    );
    expect(() => loose(base).step({ slug: 'b', ifNot: 'x' }, noop)).toThrow(
      'Flow "f", step "b": the ifNot pattern must be a JSON object, got string',
    );
    expect(() => loose(base).step({ slug: 'b', if: null }, noop)).toThrow(
      'Flow "f", step "b": the if pattern must be a JSON object, got null',
    );
    expect(() => loose(base).step({ slug: 'b', if: { at: new Date(0) } }, noop)).toThrow(
      'Flow "f", step "b": the if pattern is not JSON: if.at is a Date (return date.toISOString() instead)',
    );
  });

  it('rejects whenUnmet without a condition', () => {
    expect(() => loose(base).step({ slug: 'b', whenUnmet: 'fail' }, noop)).toThrow(
      'Flow "f", step "b": whenUnmet needs an if or ifNot condition, got whenUnmet "fail" alone',
    );
  });

  it('names the flow when a step does not exist', () => {
    expect(() => base.getStepDefinition('zzz')).toThrow('Step "zzz" does not exist in flow "f"');
  });

  it('validates jobs like flows', () => {
    expect(() => new Job({ slug: 'run' }, noop)).toThrow(
      `Slug 'run' is reserved and cannot be used`,
    );
    expect(() => new Job({ slug: 'j', timeout: 1 }, noop)).toThrow(
      'timeout must be greater than or equal to 3',
    );
    expect(() => new Job({ slug: 'j' }, undefined as never)).toThrow(
      'Step "job" needs a handler function',
    );
  });
});

describe('cron validation', () => {
  const make = (cron: unknown) => () => new Flow({ slug: 'c', cron: cron as never });
  const usage =
    'use 5 fields (minute hour day-of-month month day-of-week) or one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly';

  it.each([
    ['@hourly'],
    ['@ANNUALLY'],
    ['*/15 9-17 * * mon-fri'],
    ['0 0 1,15 * *'],
    ['  5   4 * *   7 '],
  ])('accepts %j', (schedule) => {
    expect(make({ schedule, input: {} })).not.toThrow();
  });

  it.each([
    ['* * * *', `Invalid cron schedule '* * * *' for flow "c": it has 4 fields; ${usage}`],
    ['0 0 * * * *', `Invalid cron schedule '0 0 * * * *' for flow "c": it has 6 fields; ${usage}`],
    [
      '60 * * * *',
      `Invalid cron schedule '60 * * * *' for flow "c": Invalid value for minute: 60; ${usage}`,
    ],
    [
      '0 0 L * *',
      `Invalid cron schedule '0 0 L * *' for flow "c": the day-of-month field 'L' is not standard cron syntax; ${usage}`,
    ],
    [
      '0 0 * * 1#2',
      `Invalid cron schedule '0 0 * * 1#2' for flow "c": the day-of-week field '1#2' is not standard cron syntax; ${usage}`,
    ],
    ['@reboot', `Invalid cron schedule '@reboot' for flow "c": it has 1 fields; ${usage}`],
    [
      '0 0 1 foo *',
      `Invalid cron schedule '0 0 1 foo *' for flow "c": configuration entry 4 (foo) contains illegal characters.; ${usage}`,
    ],
  ])('rejects %j', (schedule, message) => {
    expect(make({ schedule, input: {} })).toThrow(message);
  });

  it('checks the shape, the input and the time zone', () => {
    expect(make('@hourly')).toThrow(
      'cron of flow "c" must be an object { schedule, input, timezone? }',
    );
    expect(make({ input: {} })).toThrow(`cron.schedule of flow "c" must be a string; ${usage}`);
    expect(make({ schedule: '@hourly' })).toThrow(
      'cron.input of flow "c" is required (use {} for a flow without input)',
    );
    expect(make({ schedule: '@hourly', input: { n: 1n } })).toThrow(
      'Input of flow "c" is not JSON: cron.input.n is a bigint (convert it to a string or number)',
    );
    expect(make({ schedule: '@hourly', input: {}, timezone: 'Mars/Olympus' })).toThrow(
      `Invalid cron timezone 'Mars/Olympus' for flow "c": use an IANA name such as 'Europe/Paris' or 'UTC'`,
    );
    expect(make({ schedule: '@hourly', input: {}, timezone: 'Europe/Paris' })).not.toThrow();
  });
});

describe('assertJsonOutput', () => {
  it('passes JSON through and turns undefined into null', () => {
    const value = { a: [1, 'x', true, null, { b: 2 }], c: undefined };
    expect(assertJsonOutput('s', value)).toBe(value);
    expect(assertJsonOutput('s', undefined)).toBeNull();
    expect(assertJsonOutput('s', 0)).toBe(0);
    expect(assertJsonOutput('s', false)).toBe(false);
    expect(assertJsonOutput('s', '')).toBe('');
    expect(assertJsonOutput('s', Object.create(null))).toEqual({});
  });

  class Point {
    x = 1;
  }
  const circular: Record<string, unknown> = {};
  circular.self = circular;

  it.each([
    [() => 1, 'output is a function'],
    [Symbol('s'), 'output is a symbol'],
    [10n, 'output is a bigint (convert it to a string or number)'],
    [Number.NaN, 'output is NaN'],
    [{ n: Number.POSITIVE_INFINITY }, 'output.n is Infinity'],
    [{ d: new Date(0) }, 'output.d is a Date (return date.toISOString() instead)'],
    [[1, new Map()], 'output[1] is a Map instance (only plain objects and arrays are JSON)'],
    [new Point(), 'output is a Point instance (only plain objects and arrays are JSON)'],
    [[undefined], 'output[0] is undefined'],
    [circular, 'output.self is a circular reference'],
  ])('rejects %#', (value, detail) => {
    expect(() => assertJsonOutput('save', value)).toThrow(
      `Step "save" returned a value that is not JSON: ${detail}`,
    );
    expect(() => assertJsonOutput('save', value)).toThrow(NonJsonOutputError);
  });

  it('accepts a shared (non-circular) reference', () => {
    const shared = { x: 1 };
    expect(() => assertJsonOutput('s', { a: shared, b: shared })).not.toThrow();
  });
});
