// Public surface of @pgflow-ts/cli: re-exports only.
export { type CompileOptions, type CompileResult, compile } from './commands/compile.js';
export { createProgram } from './program.js';
