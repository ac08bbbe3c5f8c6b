/** Reading runs: the run row, or the run with every step state (`pgflow.get_run_with_states`). */

export type { RunRow, RunWithStates, StepStateRow } from '../sql/pgflow';
export { getRun, getRunWithStates } from '../sql/pgflow';
