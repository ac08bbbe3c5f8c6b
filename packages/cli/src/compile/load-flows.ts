import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type AnyFlow, isFlow } from '@pgflow-ts/dsl';
import { tsImport } from 'tsx/esm/api';

/** A flow or job found in a module, with where it came from (for messages). */
export interface FoundFlow {
  flow: AnyFlow;
  module: string;
  exportName: string;
}

/**
 * Imports each module with the user's TypeScript (through tsx, no build step) and returns every
 * exported Flow or Job, once per instance, in module then export order.
 */
export async function loadFlows(modules: readonly string[], cwd: string): Promise<FoundFlow[]> {
  const found: FoundFlow[] = [];
  const seen = new Set<AnyFlow>();
  for (const module of modules) {
    const path = isAbsolute(module) ? module : resolve(cwd, module);
    let exports: Record<string, unknown>;
    try {
      exports = await tsImport(pathToFileURL(path).href, { parentURL: import.meta.url });
    } catch (error) {
      throw new Error(`Could not load ${module}: ${(error as Error).message}`, { cause: error });
    }
    for (const [exportName, value] of Object.entries(exports)) {
      if (!isFlow(value) || seen.has(value)) continue;
      seen.add(value);
      found.push({ flow: value, module, exportName });
    }
  }
  return found;
}
