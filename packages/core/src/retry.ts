/**
 * The retry delay of a flow task, as SQL computes it in `pgflow.calculate_retry_delay`:
 * floor(baseDelay * 2^attempt) seconds, where `attempt` counts the attempts made so far (the
 * first retry waits 2 × baseDelay), capped at MAX_RETRY_DELAY_SECONDS. Every logged or displayed
 * delay uses this function with the step → flow option resolution of `resolveStepOptions`
 * (defect 24), so what users see is what the database does.
 */
export const MAX_RETRY_DELAY_SECONDS = 2_147_483_647;

export function retryDelaySeconds(baseDelay: number, attempt: number): number {
  const delay = Math.floor(baseDelay * 2 ** attempt);
  return Number.isFinite(delay)
    ? Math.min(Math.max(delay, 0), MAX_RETRY_DELAY_SECONDS)
    : MAX_RETRY_DELAY_SECONDS;
}

/** create_flow's defaults, used when neither the step nor the flow sets an option. */
export const FLOW_OPTION_DEFAULTS = Object.freeze({ maxAttempts: 3, baseDelay: 5, timeout: 60 });

type NumericOptions = { maxAttempts?: number; baseDelay?: number; timeout?: number };

/** Step option, else flow option, else create_flow's default — the same COALESCE as SQL. */
export function resolveStepOptions(
  flow: NumericOptions,
  step: NumericOptions,
): { maxAttempts: number; baseDelay: number; timeout: number } {
  return {
    maxAttempts: step.maxAttempts ?? flow.maxAttempts ?? FLOW_OPTION_DEFAULTS.maxAttempts,
    baseDelay: step.baseDelay ?? flow.baseDelay ?? FLOW_OPTION_DEFAULTS.baseDelay,
    timeout: step.timeout ?? flow.timeout ?? FLOW_OPTION_DEFAULTS.timeout,
  };
}
