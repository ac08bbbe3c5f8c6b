import { describe, expect, it } from 'vitest';
import { DslError, Flow, isDslError, Job, NonJsonInputError } from '../src/index.js';

// biome-ignore lint/suspicious/noExplicitAny: bypasses the option types to reach runtime checks
const loose = (value: unknown) => value as any;
const noop = () => null;

/** The error `define` throws, for checking its class, code, fields and exact message. */
function errorOf(define: () => unknown): unknown {
  try {
    define();
  } catch (error) {
    return error;
  }
  throw new Error('expected the definition to throw');
}

describe('DSL definition errors name the flow, the step, the option and the value', () => {
  const base = () => new Flow({ slug: 'orders' }).step({ slug: 'load' }, noop);

  it.each<[string, () => unknown, Partial<DslError>]>([
    [
      'an invalid flow slug',
      () => new Flow({ slug: 'my-flow' }),
      {
        code: 'INVALID_SLUG',
        message: `Flow "my-flow": Slug 'my-flow' can only contain letters, numbers, and underscores`,
        flowSlug: 'my-flow',
        stepSlug: undefined,
        option: 'slug',
        value: 'my-flow',
      },
    ],
    [
      'an invalid step slug',
      () => base().step({ slug: '9lives' }, noop),
      {
        code: 'INVALID_SLUG',
        message: `Flow "orders", step "9lives": Slug '9lives' cannot start with a number`,
        flowSlug: 'orders',
        stepSlug: '9lives',
        option: 'slug',
        value: '9lives',
      },
    ],
    [
      'a flow maxAttempts below 1',
      () => new Flow({ slug: 'orders', maxAttempts: -2 }),
      {
        code: 'INVALID_OPTION',
        message: 'Flow "orders": maxAttempts must be greater than or equal to 1, got -2',
        flowSlug: 'orders',
        stepSlug: undefined,
        option: 'maxAttempts',
        value: -2,
      },
    ],
    [
      'a step timeout of 0',
      () => base().step({ slug: 'save', timeout: 0 }, noop),
      {
        code: 'INVALID_OPTION',
        message: 'Flow "orders", step "save": timeout must be greater than or equal to 3, got 0',
        flowSlug: 'orders',
        stepSlug: 'save',
        option: 'timeout',
        value: 0,
      },
    ],
    [
      'a non-integer startDelay',
      () => base().step({ slug: 'save', startDelay: loose('10') }, noop),
      {
        code: 'INVALID_OPTION',
        message: 'Flow "orders", step "save": startDelay must be an integer, got "10"',
        option: 'startDelay',
        value: '10',
      },
    ],
    [
      'a bad whenExhausted',
      () => base().step({ slug: 'save', whenExhausted: loose('retry') }, noop),
      {
        code: 'INVALID_OPTION',
        message: `Flow "orders", step "save": whenExhausted must be one of 'fail', 'skip', 'skip-cascade', got retry`,
        option: 'whenExhausted',
        value: 'retry',
      },
    ],
    [
      'a dependsOn naming an undefined step',
      () => base().step({ slug: 'save', dependsOn: loose(['load', 'lod']) }, noop),
      {
        code: 'INVALID_DEPENDENCY',
        message:
          'Flow "orders", step "save": Step "save" depends on undefined step "lod" (dependsOn: ["load","lod"]; defined so far: ["load"])',
        flowSlug: 'orders',
        stepSlug: 'save',
        option: 'dependsOn',
        value: ['load', 'lod'],
      },
    ],
    [
      'a dependsOn that is not an array',
      () => base().step({ slug: 'save', dependsOn: loose('load') }, noop),
      {
        code: 'INVALID_DEPENDENCY',
        message: 'Flow "orders", step "save": dependsOn must be an array of step slugs, got "load"',
        option: 'dependsOn',
        value: 'load',
      },
    ],
    [
      'a repeated step slug',
      () => loose(base()).step({ slug: 'load' }, noop),
      {
        code: 'DUPLICATE_STEP',
        message: 'Flow "orders", step "load": Step "load" already exists in flow "orders"',
      },
    ],
    [
      'a missing handler',
      () => base().step({ slug: 'save' }, loose(undefined)),
      {
        code: 'INVALID_HANDLER',
        message: 'Flow "orders", step "save": Step "save" needs a handler function, got undefined',
        option: 'handler',
      },
    ],
    [
      'a job with a negative baseDelay',
      () => new Job({ slug: 'send', baseDelay: -1 }, noop),
      {
        code: 'INVALID_OPTION',
        message: 'Flow "send": baseDelay must be greater than or equal to 1, got -1',
        flowSlug: 'send',
        option: 'baseDelay',
      },
    ],
    [
      'a cron time zone that does not exist',
      () =>
        new Flow({
          slug: 'nightly',
          cron: { schedule: '@daily', input: {}, timezone: 'Mars/Olympus' },
        }),
      {
        code: 'INVALID_CRON',
        message: `Invalid cron timezone 'Mars/Olympus' for flow "nightly": use an IANA name such as 'Europe/Paris' or 'UTC'`,
        flowSlug: 'nightly',
        option: 'cron.timezone',
        value: 'Mars/Olympus',
      },
    ],
    [
      'an unknown step asked of a flow',
      () => base().getStepDefinition('nope'),
      {
        code: 'UNKNOWN_STEP',
        message:
          'Flow "orders", step "nope": Step "nope" does not exist in flow "orders" (its steps: load)',
      },
    ],
  ])('%s', (_what, define, expected) => {
    const error = errorOf(define);
    expect(error).toBeInstanceOf(DslError);
    expect(isDslError(error, expected.code)).toBe(true);
    expect(error).toMatchObject({ name: 'DslError', ...expected });
  });

  it('a cron input that is not JSON gives the same error as startFlow input', () => {
    const error = errorOf(
      () => new Flow({ slug: 'nightly', cron: { schedule: '@daily', input: loose({ f: noop }) } }),
    );
    expect(error).toBeInstanceOf(NonJsonInputError);
    expect(error).toMatchObject({
      code: 'NON_JSON_INPUT',
      message: 'Input of flow "nightly" is not JSON: cron.input.f is a function',
      flowSlug: 'nightly',
      path: 'cron.input.f',
    });
  });
});
