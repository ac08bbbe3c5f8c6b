import { describe, expectTypeOf, it } from 'vitest';
import {
  type AllStepInputs,
  type ExtractFlowContext,
  type ExtractFlowInput,
  type ExtractFlowLeafSteps,
  type ExtractFlowOutput,
  type ExtractFlowSteps,
  Flow,
  type GetSkippableMode,
  type IsStepSkippable,
  Job,
  type Json,
  type StepInput,
  type StepOutput,
} from '../src/index.js';

type Input = { url: string; tags: string[] };

const flow = new Flow<Input>({ slug: 'analyze' })
  .step({ slug: 'fetch' }, (input) => ({ body: `<${input.url}>`, size: input.tags.length }))
  .step({ slug: 'title', dependsOn: ['fetch'] }, async (deps) => deps.fetch.body.slice(0, 3))
  .step({ slug: 'words', dependsOn: ['fetch'] }, (deps) => deps.fetch.size * 2)
  .step({ slug: 'save', dependsOn: ['title', 'words'] }, (deps) => ({
    id: 1,
    title: deps.title,
    words: deps.words,
  }));

describe('handler inputs', () => {
  it('gives a root step the flow input and the context', () => {
    new Flow<Input>({ slug: 'f' }).step({ slug: 'a' }, (input, ctx) => {
      expectTypeOf(input).toEqualTypeOf<Input>();
      expectTypeOf(ctx.flowInput).toEqualTypeOf<Promise<Input>>();
      expectTypeOf(ctx.shutdownSignal).toEqualTypeOf<AbortSignal>();
      expectTypeOf(ctx.stepTask.run_id).toEqualTypeOf<string>();
      return null;
    });
  });

  it('gives a dependent step exactly its declared deps', () => {
    flow.step({ slug: 'x', dependsOn: ['title', 'fetch'] }, (deps) => {
      expectTypeOf(deps).toEqualTypeOf<{ title: string; fetch: { body: string; size: number } }>();
      return 1;
    });
  });

  it('gives a root map one element of the flow input', () => {
    new Flow<number[]>({ slug: 'nums' }).map({ slug: 'double' }, (n) => {
      expectTypeOf(n).toEqualTypeOf<number>();
      return n * 2;
    });
  });

  it('gives a dependent map one element of the array step output', () => {
    new Flow<Input>({ slug: 'f' })
      .array({ slug: 'items' }, (input) => input.tags.map((tag) => ({ tag })))
      .map({ slug: 'each', array: 'items' }, (item) => {
        expectTypeOf(item).toEqualTypeOf<{ tag: string }>();
        return item.tag.length;
      });
  });

  it('types a custom context and env', () => {
    new Flow<Input, { db: { query(sql: string): number } }>({ slug: 'ctx' }).step(
      { slug: 'a' },
      (_input, ctx) => {
        expectTypeOf(ctx.db.query('x')).toEqualTypeOf<number>();
        expectTypeOf(ctx.env.HOME).toEqualTypeOf<string | undefined>();
        return ctx.db.query('select 1');
      },
    );
  });
});

describe('outputs', () => {
  it('infers step outputs, awaiting promises', () => {
    expectTypeOf<ExtractFlowSteps<typeof flow>>().toEqualTypeOf<{
      fetch: { body: string; size: number };
      title: string;
      words: number;
      save: { id: number; title: string; words: number };
    }>();
    expectTypeOf<StepOutput<typeof flow, 'title'>>().toEqualTypeOf<string>();
  });

  it('makes map output the array of element results', () => {
    const f = new Flow<string[]>({ slug: 'f' }).map({ slug: 'len' }, (s) => s.length);
    expectTypeOf<StepOutput<typeof f, 'len'>>().toEqualTypeOf<number[]>();
  });

  it('exposes leaf steps as the flow output', () => {
    expectTypeOf<ExtractFlowLeafSteps<typeof flow>>().toEqualTypeOf<'save'>();
    expectTypeOf<ExtractFlowOutput<typeof flow>>().toEqualTypeOf<{
      save: { id: number; title: string; words: number };
    }>();
  });

  it('stores undefined as null and drops undefined members', () => {
    const f = new Flow<Input>({ slug: 'f' })
      .step({ slug: 'nothing' }, async () => {})
      .step({ slug: 'maybe' }, () => ({ a: 1, b: undefined as string | undefined }));
    expectTypeOf<StepOutput<typeof f, 'nothing'>>().toEqualTypeOf<null>();
    expectTypeOf<StepOutput<typeof f, 'maybe'>>().toEqualTypeOf<{ a: number; b?: string }>();
  });

  it('infers unions of returned objects and widens single literals', () => {
    const f = new Flow<{ n: number }>({ slug: 'f' })
      .step({ slug: 'obj' }, () => ({ count: 0, status: 'ok' }))
      .step({ slug: 'either' }, (i) => (i.n > 1 ? { x: 1 } : { x: 2, y: 'a' }))
      .step({ slug: 'branches' }, async (i) => {
        if (i.n) return 'some';
        return 'none';
      })
      .array({ slug: 'list' }, async () => [1, 2]);
    expectTypeOf<StepOutput<typeof f, 'obj'>>().toEqualTypeOf<{ count: number; status: string }>();
    expectTypeOf<StepOutput<typeof f, 'either'>>().toEqualTypeOf<
      { x: number } | { x: number; y: string }
    >();
    expectTypeOf<StepOutput<typeof f, 'branches'>>().toEqualTypeOf<'some' | 'none'>();
    expectTypeOf<StepOutput<typeof f, 'list'>>().toEqualTypeOf<number[]>();
  });

  it('rejects non-JSON outputs at the .step() call', () => {
    const f = new Flow<Input>({ slug: 'f' });
    // @ts-expect-error Date is not JSON
    f.step({ slug: 'date' }, () => new Date());
    // @ts-expect-error nested Date is not JSON
    f.step({ slug: 'nested' }, async () => ({ at: new Date() }));
    // @ts-expect-error functions are not JSON
    f.step({ slug: 'fn' }, () => ({ run: () => 1 }));
    // @ts-expect-error Map is not JSON
    f.step({ slug: 'map' }, () => new Map<string, number>());
    // @ts-expect-error bigint is not JSON
    f.step({ slug: 'big' }, () => 1n);
    // @ts-expect-error map element results must be JSON too
    new Flow<number[]>({ slug: 'g' }).map({ slug: 'm' }, () => new Set([1]));
    // @ts-expect-error .array must return an array
    f.array({ slug: 'arr' }, () => 'not an array');
  });

  it('accepts interfaces and readonly arrays of JSON', () => {
    interface User {
      name: string;
      roles: readonly string[];
    }
    const f = new Flow<Input>({ slug: 'f' }).step(
      { slug: 'user' },
      (): User => ({ name: 'a', roles: ['x'] }),
    );
    expectTypeOf<StepOutput<typeof f, 'user'>>().toEqualTypeOf<{
      name: string;
      roles: readonly string[];
    }>();
  });
});

describe('skip modes', () => {
  const base = new Flow<{ kind: string; n: number }>({ slug: 'f' }).step(
    { slug: 'root' },
    (i) => i.n,
  );

  it('makes a condition without whenUnmet skippable (skip): the key is optional', () => {
    const f = base
      .step({ slug: 'cond', dependsOn: ['root'], if: { root: 1 } }, (d) => d.root + 1)
      .step({ slug: 'after', dependsOn: ['cond', 'root'] }, (deps) => {
        expectTypeOf(deps).toEqualTypeOf<{ root: number; cond?: number }>();
        return 0;
      });
    expectTypeOf<GetSkippableMode<typeof f, 'cond'>>().toEqualTypeOf<'skip'>();
    expectTypeOf<IsStepSkippable<typeof f, 'cond'>>().toEqualTypeOf<true>();
    expectTypeOf<StepInput<typeof f, 'after'>>().toEqualTypeOf<{ root: number; cond?: number }>();
  });

  it('keeps skip-cascade deps required and whenUnmet fail non-skippable', () => {
    const f = base
      .step({ slug: 'cascade', ifNot: { kind: 'x' }, whenUnmet: 'skip-cascade' }, () => 'c')
      .step({ slug: 'strict', if: { kind: 'y' }, whenUnmet: 'fail' }, () => 's')
      .step({ slug: 'join', dependsOn: ['cascade', 'strict'] }, (deps) => {
        expectTypeOf(deps).toEqualTypeOf<{ cascade: string; strict: string }>();
        return 1;
      });
    expectTypeOf<GetSkippableMode<typeof f, 'cascade'>>().toEqualTypeOf<'skip-cascade'>();
    expectTypeOf<GetSkippableMode<typeof f, 'strict'>>().toEqualTypeOf<false>();
    expectTypeOf<IsStepSkippable<typeof f, 'cascade'>>().toEqualTypeOf<false>();
    // join can be cascade-skipped with `cascade`, so it may be missing from the run output
    expectTypeOf<ExtractFlowOutput<typeof f>>().toEqualTypeOf<{ root: number; join?: number }>();
  });

  it('makes whenExhausted skip optional too', () => {
    const f = base
      .step({ slug: 'flaky', whenExhausted: 'skip' }, () => 1)
      .step({ slug: 'use', dependsOn: ['flaky'] }, (deps) => {
        expectTypeOf(deps).toEqualTypeOf<{ flaky?: number }>();
        return 1;
      });
    expectTypeOf<ExtractFlowOutput<typeof f>>().toEqualTypeOf<{ root: number; use: number }>();
  });

  it('types .array and .map with a condition and no whenUnmet as skip (defect 44)', () => {
    const f = base
      .array({ slug: 'list', if: { kind: 'list' } }, (i) => [i.n])
      .map({ slug: 'each', array: 'list', if: { list: [1] } }, (n) => n * 2)
      .step({ slug: 'sum', dependsOn: ['list', 'each'] }, (deps) => {
        expectTypeOf(deps).toEqualTypeOf<{ list?: number[]; each?: number[] }>();
        return 0;
      });
    expectTypeOf<GetSkippableMode<typeof f, 'list'>>().toEqualTypeOf<'skip'>();
    expectTypeOf<GetSkippableMode<typeof f, 'each'>>().toEqualTypeOf<'skip'>();
  });

  it('makes skippable leaf keys optional in the flow output', () => {
    const f = base.step({ slug: 'maybe', dependsOn: ['root'], if: { root: 2 } }, () => 'm');
    expectTypeOf<ExtractFlowOutput<typeof f>>().toEqualTypeOf<{ maybe?: string }>();
  });
});

describe('conditions and slugs', () => {
  it('types patterns against the input and requires JSON objects (defect 45)', () => {
    const f = new Flow<{ status: string; tags: string[] }>({ slug: 'f' });
    f.step({ slug: 'ok', if: { status: 'active', tags: ['a'] } }, () => 1);
    // @ts-expect-error unknown key in the pattern
    f.step({ slug: 'typo', if: { stat: 'active' } }, () => 1);
    // @ts-expect-error wrong value type in the pattern
    f.step({ slug: 'wrong', if: { status: 1 } }, () => 1);
    // @ts-expect-error a root map's input is an array, so no object pattern can match it
    new Flow<number[]>({ slug: 'g' }).map({ slug: 'm', if: [1] }, (n) => n);
    // @ts-expect-error a string input cannot be matched by an object pattern
    new Flow<string>({ slug: 'h' }).step({ slug: 's', if: 'x' }, () => 1);
    // @ts-expect-error whenUnmet needs a condition
    f.step({ slug: 'lonely', whenUnmet: 'skip' }, () => 1);
  });

  it('rejects duplicate slugs and unknown dependencies', () => {
    const f = new Flow<Input>({ slug: 'f' }).step({ slug: 'a' }, () => 1);
    // @ts-expect-error duplicate step slug
    f.step({ slug: 'a' }, () => 2);
    // @ts-expect-error unknown dependency
    f.step({ slug: 'b', dependsOn: ['nope'] }, () => 2);
    // @ts-expect-error .map's array must name an array step
    f.map({ slug: 'c', array: 'a' }, (x) => x);
    // @ts-expect-error maps take `array`, not dependsOn
    f.map({ slug: 'd', dependsOn: ['a'] }, (x) => x);
  });
});

describe('flow utilities', () => {
  it('extracts the input, context and step inputs', () => {
    expectTypeOf<ExtractFlowInput<typeof flow>>().toEqualTypeOf<Input>();
    expectTypeOf<ExtractFlowContext<typeof flow>['flowInput']>().toEqualTypeOf<Promise<Input>>();
    expectTypeOf<StepInput<typeof flow, 'fetch'>>().toEqualTypeOf<Input>();
    expectTypeOf<StepInput<typeof flow, 'save'>>().toEqualTypeOf<{
      title: string;
      words: number;
    }>();
    expectTypeOf<AllStepInputs<typeof flow>>().toEqualTypeOf<
      Input | { fetch: { body: string; size: number } } | { title: string; words: number }
    >();
  });

  it('keeps the original flow unchanged (immutable builder types)', () => {
    const empty = new Flow<Input>({ slug: 'f' });
    const one = empty.step({ slug: 'a' }, () => 1);
    expectTypeOf<ExtractFlowSteps<typeof empty>>().toEqualTypeOf<Record<never, never>>();
    expectTypeOf<ExtractFlowSteps<typeof one>>().toEqualTypeOf<{ a: number }>();
  });
});

describe('Job', () => {
  it('gives the handler the job input and exposes the output under `job`', () => {
    const send = new Job({ slug: 'send' }, async (input: { to: string }, ctx) => {
      expectTypeOf(ctx.flowInput).toEqualTypeOf<Promise<{ to: string }>>();
      return { sent: true, to: input.to };
    });
    expectTypeOf<ExtractFlowInput<typeof send>>().toEqualTypeOf<{ to: string }>();
    expectTypeOf<ExtractFlowOutput<typeof send>>().toEqualTypeOf<{
      job: { sent: boolean; to: string };
    }>();
    expectTypeOf(send.kind).toEqualTypeOf<'job'>();
  });

  it('defaults the output to Json with an explicit input type, and rejects non-JSON', () => {
    const j = new Job<{ id: number }>({ slug: 'j' }, (input) => ({ id: input.id }));
    expectTypeOf<StepOutput<typeof j, 'job'>>().toEqualTypeOf<Json>();
    // @ts-expect-error Date is not JSON
    new Job<{ id: number }>({ slug: 'k' }, () => new Date());
  });

  it('types cron input as the flow input', () => {
    new Flow<{ n: number }>({ slug: 'c', cron: { schedule: '@hourly', input: { n: 1 } } });
    // @ts-expect-error cron input must match the flow input
    new Flow<{ n: number }>({ slug: 'd', cron: { schedule: '@hourly', input: { n: 'x' } } });
  });
});
