import { instrument, type SourceProblem } from './instrument.ts';

export { base64Decode, base64Encode, fromBase64, toBase64, utf8Decode, utf8Encode } from './bytes.ts';
export { instrument, type SourceProblem } from './instrument.ts';
export { prepareSandbox } from './quickjs.ts';
export {
  type CompileResult,
  compileHandler,
  type HandlerSideEffects,
  type InvocationOutcome,
  type SandboxedHandler,
  type SandboxOptions,
  timeoutMessage,
} from './sandbox.ts';

/**
 * Syntax check of a handler for editors and validation: the first problem with its 1-based
 * line:column, or null. Does not run the code (a module that throws while loading is only found at
 * run time, where every invocation then fails as in Lambda).
 */
export function checkHandler(code: string): SourceProblem | null {
  const result = instrument(code);
  return result.ok ? null : result.error;
}
