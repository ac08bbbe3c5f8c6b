const SLUG_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** pgmq queue names are limited to 47 characters, and a flow's queue is named after its slug. */
export const MAX_FLOW_SLUG_LENGTH = 47;

/** Validates a step or flow slug with the same rules as SQL `pgflow.is_valid_slug`. */
export function validateSlug(slug: unknown): asserts slug is string {
  if (typeof slug !== 'string' || slug.length === 0) throw new Error('Slug cannot be empty');
  if (slug.length > 128) throw new Error(`Slug '${slug}' cannot be longer than 128 characters`);
  if (slug === 'run') throw new Error(`Slug 'run' is reserved and cannot be used`);
  if (/^[0-9]/.test(slug)) throw new Error(`Slug '${slug}' cannot start with a number`);
  if (!SLUG_PATTERN.test(slug)) {
    throw new Error(`Slug '${slug}' can only contain letters, numbers, and underscores`);
  }
}

/** Validates a flow slug: the step rules plus the pgmq queue-name length limit. */
export function validateFlowSlug(slug: unknown): asserts slug is string {
  validateSlug(slug);
  if (slug.length > MAX_FLOW_SLUG_LENGTH) {
    throw new Error(
      `Flow slug '${slug}' cannot be longer than ${MAX_FLOW_SLUG_LENGTH} characters, ` +
        "because it is also the name of the flow's pgmq queue",
    );
  }
}
