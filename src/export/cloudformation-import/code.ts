/**
 * A function's inline code read back: the exporter wraps a consumer's handler with the SDK calls
 * its wiring needs (lambda-code.ts `consumerSource`), and writes ES module handlers as CommonJS
 * (`toCommonJs`). These undo both, so the design gets its own handler again.
 */

const START = '  const exports = {};\n';
const END = '\n  return exports.handler;\n})();';

/** The design's handler inside the exporter's wrapper; other code unchanged. */
export function unwrapConsumer(code: string): string {
  if (!code.startsWith('// Exported by Shardscape.')) return code;
  const from = code.indexOf(START);
  const to = code.lastIndexOf(END);
  return from >= 0 && to > from ? code.slice(from + START.length, to) : code;
}

/** CommonJS `exports.handler = …` back to the ES module form toCommonJs started from. */
export function toEsModule(code: string): string {
  return code
    .replace(/^(\s*)exports\.handler = (async\s+)?function handler\(/m, '$1export $2function handler(')
    .replace(/^(\s*)exports\.handler\s*=/m, '$1export const handler =');
}
