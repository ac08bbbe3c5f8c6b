import { DslError, type DslErrorContext } from './errors.js';

const SLUG_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** pgmq queue names are limited to 47 characters, and a flow's queue is named after its slug. */
export const MAX_FLOW_SLUG_LENGTH = 47;

/** Validates a step or flow slug with the same rules as SQL `pgflow.is_valid_slug`. */
export function validateSlug(slug: unknown, where: DslErrorContext = {}): asserts slug is string {
  const fail = (problem: string) => {
    throw new DslError('INVALID_SLUG', { ...where, option: 'slug', value: slug }, problem);
  };
  if (typeof slug !== 'string' || slug.length === 0) {
    fail(`Slug cannot be empty${slug === '' ? '' : `, got ${String(slug)}`}`);
  }
  const text = slug as string;
  if (text.length > 128) fail(`Slug '${text}' cannot be longer than 128 characters`);
  if (text === 'run') fail(`Slug 'run' is reserved and cannot be used`);
  if (/^[0-9]/.test(text)) fail(`Slug '${text}' cannot start with a number`);
  if (!SLUG_PATTERN.test(text))
    fail(`Slug '${text}' can only contain letters, numbers, and underscores`);
}

/** Validates a flow slug: the step rules plus the pgmq queue-name length limit. */
export function validateFlowSlug(slug: unknown): asserts slug is string {
  const where = { flowSlug: typeof slug === 'string' ? slug : undefined };
  validateSlug(slug, where);
  if (slug.length > MAX_FLOW_SLUG_LENGTH) {
    throw new DslError(
      'INVALID_SLUG',
      { ...where, option: 'slug', value: slug },
      `Flow slug '${slug}' cannot be longer than ${MAX_FLOW_SLUG_LENGTH} characters, ` +
        "because it is also the name of the flow's pgmq queue",
    );
  }
}
