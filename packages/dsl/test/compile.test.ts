import { describe, expect, it } from 'vitest';
import { compileFlow } from '../src/index.js';
import { cases } from './fixtures/compile-cases.js';

describe('compileFlow', () => {
  it.each(cases)('%s', (_name, flow, expected) => {
    expect(compileFlow(flow)).toEqual(expected);
  });

  it('has at least 15 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });
});
