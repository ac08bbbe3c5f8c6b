import type { AnyFlow } from './flow.js';
import { sqlLiteral } from './sql.js';

/**
 * The SQL statements that create the flow, one per line, in the order and format of pgflow's
 * compiler: `create_flow`, then `add_step` per step in definition order. Only options that are
 * set appear; run the statements in one transaction. A job ends with `pgflow.mark_job`, which
 * records it in `pgflow.jobs`.
 * @example compileFlow(flow).join('\n')
 */
export function compileFlow(flow: AnyFlow): string[] {
  const statements = [
    compileCreateFlow(flow),
    ...flow.stepOrder.map((slug) => compileAddStep(flow, slug)),
  ];
  if (flow.kind === 'job') statements.push(`SELECT pgflow.mark_job(${sqlLiteral(flow.slug)});`);
  return statements;
}

function compileCreateFlow(flow: AnyFlow): string {
  const { maxAttempts, baseDelay, timeout } = flow.options;
  const args = [
    sqlLiteral(flow.slug),
    ...named('max_attempts', maxAttempts),
    ...named('base_delay', baseDelay),
    ...named('timeout', timeout),
  ];
  return `SELECT pgflow.create_flow(${args.join(', ')});`;
}

function compileAddStep(flow: AnyFlow, slug: string): string {
  const step = flow.getStepDefinition(slug);
  const o = step.options;
  const args = [sqlLiteral(flow.slug), sqlLiteral(slug)];
  if (step.dependencies.length > 0) {
    args.push(`ARRAY[${step.dependencies.map(sqlLiteral).join(', ')}]`);
  }
  args.push(
    ...named('max_attempts', o.maxAttempts),
    ...named('base_delay', o.baseDelay),
    ...named('timeout', o.timeout),
    ...named('start_delay', o.startDelay),
    ...namedText('required_input_pattern', o.if && JSON.stringify(o.if)),
    ...namedText('forbidden_input_pattern', o.ifNot && JSON.stringify(o.ifNot)),
    ...namedText('when_unmet', o.whenUnmet),
    ...namedText('when_exhausted', o.whenExhausted),
    ...namedText('step_type', step.stepType),
  );
  return `SELECT pgflow.add_step(${args.join(', ')});`;
}

function named(name: string, value: number | undefined): string[] {
  return value === undefined ? [] : [`${name} => ${value}`];
}

function namedText(name: string, value: string | undefined): string[] {
  return value === undefined ? [] : [`${name} => ${sqlLiteral(value)}`];
}
