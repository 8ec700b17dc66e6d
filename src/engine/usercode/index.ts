export { base64Decode, base64Encode, fromBase64, toBase64, utf8Decode, utf8Encode } from './bytes.ts';
export { instrument, type SourceProblem } from './instrument.ts';
export {
  type CompileResult,
  compileHandler,
  type HandlerSideEffects,
  type InvocationOutcome,
  type SandboxedHandler,
  type SandboxOptions,
  timeoutMessage,
} from './sandbox.ts';
