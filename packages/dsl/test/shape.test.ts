import { describe, expect, it } from 'vitest';
import { compareFlowShapes, extractFlowShape, Flow, type FlowShape } from '../src/index.js';
import { jsonbText } from '../src/shape.js';

const noop = () => null;

describe('extractFlowShape', () => {
  it('gives every step all keys, sorted deps and wrapped patterns', () => {
    const flow = new Flow<{ s: string }>({ slug: 'f', maxAttempts: 5 })
      .step({ slug: 'b' }, noop)
      .step({ slug: 'a' }, noop)
      .step({ slug: 'c', dependsOn: ['b', 'a'], if: { b: null }, timeout: 9 }, noop)
      .array({ slug: 'list' }, () => [1])
      .map({ slug: 'each', array: 'list', whenExhausted: 'skip' }, (n) => n);
    const shape = extractFlowShape(flow);
    expect(JSON.stringify(shape)).toBe(
      JSON.stringify({
        steps: [
          {
            slug: 'b',
            stepType: 'single',
            dependencies: [],
            whenUnmet: 'skip',
            whenExhausted: 'fail',
            requiredInputPattern: { defined: false },
            forbiddenInputPattern: { defined: false },
          },
          {
            slug: 'a',
            stepType: 'single',
            dependencies: [],
            whenUnmet: 'skip',
            whenExhausted: 'fail',
            requiredInputPattern: { defined: false },
            forbiddenInputPattern: { defined: false },
          },
          {
            slug: 'c',
            stepType: 'single',
            dependencies: ['a', 'b'],
            whenUnmet: 'skip',
            whenExhausted: 'fail',
            requiredInputPattern: { defined: true, value: { b: null } },
            forbiddenInputPattern: { defined: false },
            options: { timeout: 9 },
          },
          {
            slug: 'list',
            stepType: 'single',
            dependencies: [],
            whenUnmet: 'skip',
            whenExhausted: 'fail',
            requiredInputPattern: { defined: false },
            forbiddenInputPattern: { defined: false },
          },
          {
            slug: 'each',
            stepType: 'map',
            dependencies: ['list'],
            whenUnmet: 'skip',
            whenExhausted: 'skip',
            requiredInputPattern: { defined: false },
            forbiddenInputPattern: { defined: false },
          },
        ],
        options: { maxAttempts: 5 },
      }),
    );
  });

  it('omits options when none are set and sorts deps by code point', () => {
    const flow = new Flow({ slug: 'f' })
      .step({ slug: 'b' }, noop)
      .step({ slug: 'B' }, noop)
      .step({ slug: 'x', dependsOn: ['b', 'B'] }, noop);
    const shape = extractFlowShape(flow);
    expect(shape.options).toBeUndefined();
    expect(shape.steps[2].dependencies).toEqual(['B', 'b']);
    expect('options' in shape.steps[0]).toBe(false);
  });
});

describe('compareFlowShapes', () => {
  const base = new Flow<{ k: string }>({ slug: 'f' })
    .step({ slug: 'a' }, noop)
    .step({ slug: 'b', dependsOn: ['a'] }, noop);
  const shape = () => extractFlowShape(base);

  it('matches identical shapes', () => {
    expect(compareFlowShapes(shape(), shape())).toEqual({ match: true, differences: [] });
  });

  it('reports count, missing steps and every key, with the SQL texts', () => {
    const other = new Flow<{ k: string }>({ slug: 'f' })
      .step({ slug: 'a', if: { k: 'x' }, whenUnmet: 'fail', whenExhausted: 'skip' }, noop)
      .map({ slug: 'c' }, noop)
      .step({ slug: 'd', dependsOn: ['a', 'c'], ifNot: { a: null } }, noop);
    expect(compareFlowShapes(shape(), extractFlowShape(other)).differences).toEqual([
      'Step count differs: 2 vs 3',
      `Step at index 0: whenUnmet differs 'skip' vs 'fail'`,
      `Step at index 0: whenExhausted differs 'fail' vs 'skip'`,
      `Step at index 0: requiredInputPattern differs '{"defined": false}' vs '{"value": {"k": "x"}, "defined": true}'`,
      `Step at index 1: slug differs 'b' vs 'c'`,
      `Step at index 1: type differs 'single' vs 'map'`,
      'Step at index 1: dependencies differ [a] vs []',
      `Step at index 2: missing in first shape (second has 'd')`,
    ]);
    expect(compareFlowShapes(extractFlowShape(other), shape()).differences).toContain(
      `Step at index 2: missing in second shape (first has 'd')`,
    );
  });

  it('treats a missing key as a difference (IS DISTINCT FROM)', () => {
    const partial = shape() as unknown as { steps: Record<string, unknown>[] };
    delete partial.steps[0].whenUnmet;
    delete partial.steps[0].forbiddenInputPattern;
    expect(compareFlowShapes(partial as unknown as FlowShape, shape()).differences).toEqual([
      `Step at index 0: whenUnmet differs '' vs 'skip'`,
      `Step at index 0: forbiddenInputPattern differs '' vs '{"defined": false}'`,
    ]);
  });

  it('compares options only when both sides carry them', () => {
    const withOptions = extractFlowShape(
      new Flow<{ k: string }>({ slug: 'f', maxAttempts: 2 })
        .step({ slug: 'a', timeout: 5 }, noop)
        .step({ slug: 'b', dependsOn: ['a'] }, noop),
    );
    expect(compareFlowShapes(withOptions, shape()).match).toBe(true);
    const changed = extractFlowShape(
      new Flow<{ k: string }>({ slug: 'f', maxAttempts: 3, timeout: 10 })
        .step({ slug: 'a', timeout: 6, startDelay: 1 }, noop)
        .step({ slug: 'b', dependsOn: ['a'] }, noop),
    );
    expect(compareFlowShapes(withOptions, changed).differences).toEqual([
      `Step at index 0: option timeout differs '5' vs '6'`,
      `Step at index 0: option startDelay differs '' vs '1'`,
      `Flow option maxAttempts differs '2' vs '3'`,
      `Flow option timeout differs '' vs '10'`,
    ]);
  });

  it('treats a missing steps list as empty', () => {
    expect(compareFlowShapes({} as FlowShape, shape()).differences[0]).toBe(
      'Step count differs: 0 vs 2',
    );
  });
});

describe('jsonbText', () => {
  it('prints like Postgres jsonb: short keys first, then bytewise, with spaces', () => {
    expect(jsonbText({ defined: true, value: { bb: [1, 'x'], a: null, ab: {} } })).toBe(
      '{"value": {"a": null, "ab": {}, "bb": [1, "x"]}, "defined": true}',
    );
    expect(jsonbText([])).toBe('[]');
    expect(jsonbText('it\'s "q"')).toBe('"it\'s \\"q\\""');
  });
});
