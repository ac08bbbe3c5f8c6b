import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// The README's first example: keeps it working as written (built packages, no database server).
describe('examples/quickstart.ts', () => {
  it('runs a flow on PGlite and prints its output', async () => {
    const script = fileURLToPath(new URL('../examples/quickstart.ts', import.meta.url));
    const { stdout } = await run('npx', ['tsx', script], { timeout: 60_000 });
    expect(stdout.trim()).toBe('completed {"summary":{"words":4,"longest":"workflows"}}');
  });
});
