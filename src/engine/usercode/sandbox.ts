/**
 * Runs a user's Lambda handler deterministically inside the engine.
 *
 * What the sandbox guarantees: the same records and seed give the same outputs (Math.random is
 * seeded, Date reads the simulated clock, no timers or I/O exist); a handler that throws, recurses
 * without end, loops forever or returns a promise that never settles is contained and reported as
 * a Lambda error, and the run goes on.
 * What it does not: it is not a security boundary. Code that deliberately reaches the real global
 * object (e.g. through a constructor's constructor) escapes; the Worker host terminates the worker as
 * the last resort.
 *
 * Time: the handler's own work is measured in guard calls (loop iterations + function calls), turned
 * into simulated ms at `iterationsPerMs` scaled by memory (Lambda gives ~1 vCPU at 1,769 MB). The
 * budget per invocation is the timeout in that currency, capped by `maxIterations` to bound wall time.
 */
import { SandboxBuffer } from './buffer.ts';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from './bytes.ts';
import { instrument, type SourceProblem } from './instrument.ts';

export interface SandboxOptions {
  /** Seeded random numbers in [0, 1): Math.random inside the handler. */
  random: () => number;
  /** The simulated wall clock, epoch ms (settings.startTime + sim ms): Date and Date.now inside the handler. */
  nowEpochMs: () => number;
  functionName: string;
  timeoutSec: number;
  memoryMB: number;
  /** Guard calls per simulated ms at 1,769 MB (one vCPU). Default 100,000 (1e8 simple iterations/s). */
  iterationsPerMs?: number;
  /** Hard cap on guard calls per invocation, whatever the timeout (bounds wall time). Default 5,000,000. */
  maxIterations?: number;
  /** Microtask turns allowed for a returned promise to settle. Default 10,000. */
  microtaskTurns?: number;
  /** Log lines kept per invocation. Default 50. */
  maxLogLines?: number;
}

export interface InvocationContextExtras {
  awsRequestId: string;
  /** Extra fields merged into the context (e.g. invokedFunctionArn). */
  fields?: Record<string, unknown>;
}

/** What a handler produced besides its return value, through the context helpers. */
export interface HandlerSideEffects {
  /** `context.putItem(item)`: items for a DynamoDB table wired after the function. */
  items: Record<string, unknown>[];
  /** `context.putRecord(data, partitionKey?)`: records for a stream or delivery stream wired after it. */
  records: { data: string; partitionKey?: string }[];
  logs: string[];
}

export type InvocationOutcome =
  | ({ ok: true; value: unknown; workMs: number } & HandlerSideEffects)
  | ({
      ok: false;
      errorType: string;
      errorMessage: string;
      timedOut: boolean;
      workMs: number;
    } & HandlerSideEffects);

export interface SandboxedHandler {
  invoke(event: unknown, extras: InvocationContextExtras): Promise<InvocationOutcome>;
}

export type CompileResult = { ok: true; handler: SandboxedHandler } | { ok: false; error: SourceProblem };

class BudgetExhausted extends Error {}

const ONE_VCPU_MB = 1769;

function unavailable(name: string, why: string) {
  return () => {
    throw new Error(`${name} is not available in the simulator (${why})`);
  };
}

export function timeoutMessage(timeoutSec: number): string {
  return `Task timed out after ${timeoutSec.toFixed(2)} seconds`;
}

export function compileHandler(source: string, options: SandboxOptions): CompileResult {
  const rewritten = instrument(source);
  if (!rewritten.ok) return { ok: false, error: rewritten.error };

  const cpuShare = Math.min(1, options.memoryMB / ONE_VCPU_MB);
  const iterationsPerMs = (options.iterationsPerMs ?? 100_000) * cpuShare;
  const timeoutMs = options.timeoutSec * 1000;
  const budget = Math.min(options.maxIterations ?? 5_000_000, Math.ceil(timeoutMs * iterationsPerMs));
  const turns = options.microtaskTurns ?? 10_000;
  const maxLogLines = options.maxLogLines ?? 50;

  let used = 0;
  let effects: HandlerSideEffects = { items: [], records: [], logs: [] };
  const guard = () => {
    used++;
    if (used > budget) throw new BudgetExhausted(timeoutMessage(options.timeoutSec));
  };

  const log =
    (level: string) =>
    (...args: unknown[]) => {
      if (effects.logs.length >= maxLogLines) return;
      const text = args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' ');
      effects.logs.push(level === 'log' ? text : `${level.toUpperCase()} ${text}`);
    };
  const sandboxConsole = {
    log: log('log'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    debug: log('debug'),
  };

  const sandboxMath = Object.create(Math) as Math;
  Object.defineProperty(sandboxMath, 'random', { value: options.random });
  const now = options.nowEpochMs;
  class SimDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [number]));
    }
    static override now() {
      return now();
    }
  }
  const sandboxCrypto = {
    getRandomValues<T extends ArrayBufferView>(array: T): T {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(options.random() * 256);
      return array;
    },
    randomUUID(): string {
      const hex = Array.from({ length: 32 }, () => Math.floor(options.random() * 16).toString(16));
      hex[12] = '4';
      hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 3) | 8).toString(16);
      const h = hex.join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
  const noTimers = 'the simulated clock has no timers; await work directly';
  const noIo = 'the handler cannot do network I/O; return results or use context.putItem / putRecord';
  const shadows: Record<string, unknown> = {
    Math: sandboxMath,
    Date: SimDate,
    console: sandboxConsole,
    Buffer: SandboxBuffer,
    atob: (s: string) => String.fromCharCode(...base64Decode(s)),
    btoa: (s: string) => base64Encode(Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff)),
    TextEncoder: class {
      encode(s: string) {
        return utf8Encode(s);
      }
    },
    TextDecoder: class {
      decode(b: Uint8Array) {
        return utf8Decode(b);
      }
    },
    crypto: sandboxCrypto,
    setTimeout: unavailable('setTimeout', noTimers),
    setInterval: unavailable('setInterval', noTimers),
    setImmediate: unavailable('setImmediate', noTimers),
    clearTimeout: () => undefined,
    clearInterval: () => undefined,
    fetch: unavailable('fetch', noIo),
    XMLHttpRequest: unavailable('XMLHttpRequest', noIo),
    WebSocket: unavailable('WebSocket', noIo),
    importScripts: unavailable('importScripts', noIo),
    postMessage: unavailable('postMessage', noIo),
    require: (name: string) => {
      throw new Error(
        `Cannot find module '${name}': the simulator runs the handler without npm modules or the AWS SDK`,
      );
    },
    Atomics: undefined,
    SharedArrayBuffer: undefined,
    Worker: undefined,
    performance: undefined,
    process: { env: {} },
    self: undefined,
    window: undefined,
    global: undefined,
    globalThis: undefined,
  };
  const names = Object.keys(shadows);

  let factory: (...args: unknown[]) => void;
  try {
    // 'use strict' so a plain function's `this` is undefined rather than the real global object.
    factory = new Function(
      '__guard',
      'module',
      'exports',
      '__exports',
      ...names,
      `'use strict';\n${rewritten.code}`,
    ) as (...args: unknown[]) => void;
  } catch (e) {
    return { ok: false, error: { message: `The handler does not compile: ${(e as Error).message}` } };
  }

  const exportsObj: Record<string, unknown> = {};
  const moduleObj: { exports: unknown } = { exports: exportsObj };
  const esExports: Record<string, unknown> = {};
  used = 0;
  try {
    factory.call(undefined, guard, moduleObj, exportsObj, esExports, ...names.map((n) => shadows[n]));
  } catch (e) {
    const message = e instanceof BudgetExhausted ? 'initialisation timed out' : errorFields(e).errorMessage;
    return { ok: false, error: { message: `The handler's module fails to load: ${message}` } };
  }
  const mod = moduleObj.exports as Record<string, unknown> | ((...a: unknown[]) => unknown);
  const candidates = [
    typeof mod === 'object' && mod ? mod.handler : undefined,
    exportsObj.handler,
    esExports.handler,
    esExports.default,
    typeof mod === 'function' ? mod : undefined,
  ];
  const fn = candidates.find((c) => typeof c === 'function') as ((...a: unknown[]) => unknown) | undefined;
  if (!fn) {
    return {
      ok: false,
      error: {
        message:
          'No handler found: define exports.handler = async (event, context) => …, or export const handler = …',
      },
    };
  }

  const invoke = async (event: unknown, extras: InvocationContextExtras): Promise<InvocationOutcome> => {
    used = 0;
    effects = { items: [], records: [], logs: [] };
    const mine = effects;
    let settled = false;
    let value: unknown;
    let failure: unknown;
    let failed = false;
    const resolve = (v: unknown) => {
      if (!settled) {
        settled = true;
        value = v;
      }
    };
    const reject = (e: unknown) => {
      if (!settled) {
        settled = true;
        failed = true;
        failure = e;
      }
    };
    const startMs = now();
    const context = {
      functionName: options.functionName,
      functionVersion: '$LATEST',
      memoryLimitInMB: String(options.memoryMB),
      awsRequestId: extras.awsRequestId,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, timeoutMs - used / iterationsPerMs - (now() - startMs)),
      putItem: (item: unknown) => {
        if (item && typeof item === 'object')
          mine.items.push(structuredJson(item) as Record<string, unknown>);
      },
      putRecord: (data: unknown, partitionKey?: unknown) => {
        mine.records.push({
          data: typeof data === 'string' ? data : safeJson(data),
          partitionKey: partitionKey === undefined ? undefined : String(partitionKey),
        });
      },
      succeed: resolve,
      fail: reject,
      done: (err: unknown, v: unknown) => (err ? reject(err) : resolve(v)),
      ...extras.fields,
    };
    try {
      const callback = (err: unknown, v: unknown) => (err ? reject(err) : resolve(v));
      const result = fn.call(undefined, event, context, callback);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(resolve, reject);
      } else if (fn.length < 3) resolve(result);
    } catch (e) {
      reject(e);
    }
    // Deterministic settling: only microtask turns, no wall-clock waiting.
    for (let i = 0; i < turns && !settled; i++) await null;
    // Whole microseconds: a handler that only enters a function or two costs no measurable time.
    const workMs = Math.floor((used / iterationsPerMs) * 1000) / 1000;
    effects = { items: [], records: [], logs: [] };
    if (!settled) {
      return {
        ok: false,
        errorType: 'Sandbox.Timedout',
        errorMessage: timeoutMessage(options.timeoutSec),
        timedOut: true,
        workMs,
        ...mine,
      };
    }
    if (failed) {
      if (failure instanceof BudgetExhausted) {
        return {
          ok: false,
          errorType: 'Sandbox.Timedout',
          errorMessage: failure.message,
          timedOut: true,
          workMs,
          ...mine,
        };
      }
      return { ok: false, ...errorFields(failure), timedOut: false, workMs, ...mine };
    }
    return { ok: true, value: structuredJson(value), workMs, ...mine };
  };
  return { ok: true, handler: { invoke } };
}

function errorFields(e: unknown): { errorType: string; errorMessage: string } {
  if (e instanceof Error) return { errorType: e.name || 'Error', errorMessage: e.message };
  return { errorType: 'Error', errorMessage: typeof e === 'string' ? e : safeJson(e) };
}

function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text;
  } catch {
    return String(value);
  }
}

/** Values cross back into the engine as JSON (as Lambda serialises the response): no shared references. */
function structuredJson(value: unknown): unknown {
  if (value === undefined) return null;
  try {
    const text = JSON.stringify(value);
    return text === undefined ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
