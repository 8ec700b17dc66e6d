/**
 * Runs a user's Lambda handler in QuickJS (quickjs.ts): a separate JavaScript engine with no host
 * objects, so a design someone sent cannot reach the user's files, network, storage or the engine.
 *
 * What it guarantees:
 * - Nothing to reach: inside are only the prelude's event, context, console, JSON, Math (seeded
 *   random), Date (simulated clock), Buffer/base64 helpers. No process, require, import(), fetch,
 *   timers. Values cross as JSON text, never as objects.
 * - Limits enforced by the engine: a CPU budget counted in QuickJS interrupt-handler calls
 *   ("ticks", deterministic, never a clock) that ends as the function's timeout; a stack limit; the
 *   WASM memory maximum; pending jobs are not carried past an invocation.
 * - One runtime and context per compiled function: nothing a handler does reaches another node or
 *   another run. After a timeout, an out-of-memory error or left-over jobs the runtime is thrown
 *   away and rebuilt for the next invocation, as Lambda restarts an execution environment.
 * - Deterministic: the same code, events, seed and clock give the same outcomes.
 *
 * Time: a tick is about 10,000 QuickJS operations; it costs TICK_MS of simulated CPU at one vCPU
 * (Lambda gives one vCPU at 1,769 MB) and the budget is the timeout in that currency, capped at
 * MAX_TICKS per invocation to bound wall time (a catastrophic regex ticks slowest: ~0.5 ms a tick).
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from 'quickjs-emscripten-core';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from './bytes.ts';
import { instrument, type SourceProblem } from './instrument.ts';
import { PRELUDE } from './prelude.ts';
import { quickjs } from './quickjs.ts';

export interface SandboxOptions {
  /** Seeded random numbers in [0, 1): Math.random inside the handler. */
  random: () => number;
  /** The simulated wall clock, epoch ms (settings.startTime + sim ms): Date and Date.now inside the handler. */
  nowEpochMs: () => number;
  functionName: string;
  timeoutSec: number;
  memoryMB: number;
  /** Ticks allowed per invocation whatever the timeout (bounds wall time). Default MAX_TICKS. */
  maxTicks?: number;
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

/** Simulated CPU ms one tick costs at one vCPU. */
export const TICK_MS = 0.05;
/** Ticks per invocation at most (~80 ms of wall time for plain loops). */
export const MAX_TICKS = 2_000;
/**
 * QuickJS stack: ~340 frames of recursion. Kept well below the host's own stack (each QuickJS frame
 * also takes host stack in WebAssembly): at 128 KiB a deep recursion reached the host's limit first
 * when the engine was itself called from deep in the host (found by the fuzz run).
 */
const STACK_BYTES = 64 * 1024;
/** Promise jobs run per invocation at most; a handler that keeps queuing more times out. */
const MAX_JOBS = 100_000;
/** Live runtimes per process before the least recently used is recycled (see README). */
const MAX_LIVE = 32;
const ONE_VCPU_MB = 1769;

export function timeoutMessage(timeoutSec: number): string {
  return `Task timed out after ${timeoutSec.toFixed(2)} seconds`;
}

const EMPTY: HandlerSideEffects = { items: [], records: [], logs: [] };

/** ES module handlers (`export const handler`) are evaluated as modules; the rest as CommonJS scripts. */
const isModule = (src: string) => /^\s*export\s/m.test(src);

/**
 * The base64 record data of a Kinesis (`Records[].kinesis.data`) or Firehose (`records[].data`)
 * event, decoded once in the engine: all bytes in one buffer and per distinct string its span and
 * UTF-8 text. The prelude hands these out for Buffer.from(data, 'base64') without host calls.
 */
function recordData(event: unknown): { bytes: Uint8Array; spans: [string, number, number, string][] } | null {
  const e = event as { Records?: { kinesis?: { data?: unknown } }[]; records?: { data?: unknown }[] } | null;
  const list = e?.Records?.map((r) => r.kinesis?.data) ?? e?.records?.map((r) => r.data);
  if (!list || list.length === 0) return null;
  const parts: Uint8Array[] = [];
  const spans: [string, number, number, string][] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const d of list) {
    if (typeof d !== 'string' || seen.has(d)) continue;
    seen.add(d);
    const b = base64Decode(d);
    parts.push(b);
    spans.push([d, offset, b.length, utf8Decode(b)]);
    offset += b.length;
  }
  const bytes = new Uint8Array(offset);
  let o = 0;
  for (const p of parts) {
    bytes.set(p, o);
    o += p.length;
  }
  return { bytes, spans };
}

/** Where a QuickJS error points in the handler's source, when it says. */
function position(stack: unknown): { line?: number; column?: number } {
  const m = /handler\.m?js:(\d+):(\d+)/.exec(String(stack ?? ''));
  return m ? { line: Number(m[1]), column: Number(m[2]) } : {};
}

/** One function's runtime and context, rebuilt after a timeout, out-of-memory or left-over jobs. */
class Sandbox {
  private rt: QuickJSRuntime | null = null;
  private vm: QuickJSContext | null = null;
  private handler: QuickJSHandle | null = null;
  private ticks = 0;
  private budget = 0;
  lastUsed = 0;

  constructor(
    private readonly source: string,
    private readonly options: SandboxOptions,
  ) {}

  /** Builds the runtime, runs the prelude and the module; null when ready, else why not. */
  load(): SourceProblem | null {
    this.dispose();
    const rt = quickjs().newRuntime();
    rt.setMaxStackSize(STACK_BYTES);
    rt.setMemoryLimit(Math.min(this.options.memoryMB, 256) * 1024 * 1024);
    rt.setInterruptHandler(() => ++this.ticks > this.budget);
    const vm = rt.newContext();
    this.rt = rt;
    this.vm = vm;
    const random = vm.newFunction('__random', () => vm.newNumber(this.options.random()));
    const now = vm.newFunction('__now', () => vm.newNumber(this.options.nowEpochMs()));
    vm.setProp(vm.global, '__random', random);
    vm.setProp(vm.global, '__now', now);
    random.dispose();
    now.dispose();
    // Byte codecs for the prelude's Buffer, in the engine: bytes cross as ArrayBuffer copies,
    // text as strings. Interpreted per-byte loops in QuickJS were the invocation's hot spot.
    const bytes = (ab: QuickJSHandle, off: QuickJSHandle, len: QuickJSHandle): Uint8Array => {
      const view = vm.getArrayBuffer(ab);
      try {
        const start = vm.getNumber(off);
        return view.value.slice(start, start + vm.getNumber(len));
      } finally {
        view.dispose();
      }
    };
    const copy = (u8: Uint8Array) => vm.newArrayBuffer(u8.slice().buffer);
    const codecs: [string, (...a: QuickJSHandle[]) => QuickJSHandle][] = [
      ['__b64ToBytes', (s) => copy(base64Decode(vm.getString(s)))],
      ['__textToBytes', (s) => copy(utf8Encode(vm.getString(s)))],
      ['__bytesToText', (ab, off, len) => vm.newString(utf8Decode(bytes(ab, off, len)))],
      ['__bytesToB64', (ab, off, len) => vm.newString(base64Encode(bytes(ab, off, len)))],
    ];
    for (const [name, fn] of codecs) {
      const h = vm.newFunction(name, fn);
      vm.setProp(vm.global, name, h);
      h.dispose();
    }
    this.ticks = 0;
    this.budget = MAX_TICKS;
    const prelude = vm.evalCode(PRELUDE, 'prelude.js');
    if (prelude.error) {
      const e = vm.dump(prelude.error);
      prelude.error.dispose();
      return { message: `sandbox prelude failed: ${JSON.stringify(e)}` };
    }
    prelude.value.dispose();
    const mod = isModule(this.source);
    const wrapped = mod
      ? this.source
      : `const module = { exports: {} }; const exports = module.exports;\n${this.source}\n;globalThis.__module = module;`;
    const result = vm.evalCode(wrapped, mod ? 'handler.mjs' : 'handler.js', {
      type: mod ? 'module' : 'global',
    });
    if (result.error) {
      const e = vm.dump(result.error) as { name?: string; message?: string; stack?: string };
      result.error.dispose();
      const where = position(e?.stack);
      const line = where.line !== undefined && !mod ? where.line - 1 : where.line;
      const what =
        e?.message === 'interrupted'
          ? 'initialisation timed out'
          : `${e?.name ?? 'Error'}: ${e?.message ?? e}`;
      return { message: `The handler's module fails to load: ${what}`, line, column: where.column };
    }
    let fn: QuickJSHandle;
    if (mod) {
      const ns = result.value;
      const h = vm.getProp(ns, 'handler');
      if (vm.typeof(h) === 'function') fn = h;
      else {
        h.dispose();
        fn = vm.getProp(ns, 'default');
      }
      ns.dispose();
    } else {
      result.value.dispose();
      const pick = vm.evalCode(
        `(() => { const m = globalThis.__module; delete globalThis.__module; const e = m.exports; return typeof e === 'function' ? e : e && e.handler; })()`,
      );
      if (pick.error) {
        pick.error.dispose();
        fn = vm.undefined;
      } else fn = pick.value;
    }
    if (vm.typeof(fn) !== 'function') {
      fn.dispose();
      return {
        message:
          'No handler found: define exports.handler = async (event, context) => …, or export const handler = …',
      };
    }
    this.handler = fn;
    return null;
  }

  /** Runtimes given up on because they held job chains (see dispose); past 3 the function stays down. */
  abandoned = 0;
  private broken = false;

  dispose(): void {
    // QuickJS aborts the whole module when a runtime is freed while a job chain still holds objects
    // (a microtask loop). Such a runtime is abandoned instead: its memory stays taken (a few kB: the
    // chain was interrupted), and a function that keeps doing it is stopped after 3.
    if (this.broken) {
      // The host's own stack ran out inside QuickJS: its state cannot be trusted to free cleanly.
      this.broken = false;
      this.abandoned++;
    } else if (this.rt?.hasPendingJob()) {
      this.budget = 0;
      const r = this.rt.executePendingJobs(-1);
      if (r.error) r.error.dispose();
      this.abandoned++;
    } else {
      this.handler?.dispose();
      this.vm?.dispose();
      this.rt?.dispose();
    }
    this.handler = null;
    this.vm = null;
    this.rt = null;
  }

  get loaded(): boolean {
    return this.handler !== null;
  }

  invoke(event: unknown, extras: InvocationContextExtras): InvocationOutcome {
    const o = this.options;
    const cpuShare = Math.min(1, o.memoryMB / ONE_VCPU_MB);
    const timeoutMs = o.timeoutSec * 1000;
    this.ticks = 0;
    this.budget = Math.min(o.maxTicks ?? MAX_TICKS, Math.ceil((timeoutMs * cpuShare) / TICK_MS));
    const workMs = () => Math.floor(((Math.min(this.ticks, this.budget) * TICK_MS) / cpuShare) * 1000) / 1000;
    const timedOut = (): InvocationOutcome => ({
      ok: false,
      errorType: 'Sandbox.Timedout',
      errorMessage: timeoutMessage(o.timeoutSec),
      timedOut: true,
      workMs: workMs(),
      ...EMPTY,
    });
    const vm = this.vm as QuickJSContext;
    const rt = this.rt as QuickJSRuntime;
    const context = {
      functionName: o.functionName,
      functionVersion: '$LATEST',
      memoryLimitInMB: String(o.memoryMB),
      awsRequestId: extras.awsRequestId,
      ...extras.fields,
    };
    let recycle = false;
    try {
      const invokeFn = vm.getProp(vm.global, '__invoke');
      const data = recordData(event);
      const args = [
        this.handler as QuickJSHandle,
        vm.newString(JSON.stringify(event ?? null)),
        vm.newString(JSON.stringify(context)),
        vm.newNumber(timeoutMs),
        data ? vm.newArrayBuffer(data.bytes.buffer as ArrayBuffer) : vm.undefined,
        vm.newString(data ? JSON.stringify(data.spans) : '[]'),
      ];
      const call = vm.callFunction(invokeFn, vm.undefined, ...args);
      invokeFn.dispose();
      for (const a of args.slice(1)) a.dispose();
      if (call.error) {
        const e = vm.dump(call.error) as { message?: string };
        call.error.dispose();
        recycle = true;
        return e?.message === 'interrupted' ? timedOut() : this.crashed(e, workMs());
      }
      const promise = call.value;
      const jobs = rt.executePendingJobs(MAX_JOBS);
      if (jobs.error) {
        const e = vm.dump(jobs.error) as { message?: string };
        jobs.error.dispose();
        promise.dispose();
        recycle = true;
        return e?.message === 'interrupted' ? timedOut() : this.crashed(e, workMs());
      }
      const state = vm.getPromiseState(promise);
      promise.dispose();
      if (rt.hasPendingJob()) {
        // Jobs still queuing jobs: in Node such a chain never lets the response go out, so the
        // invocation times out. They are dropped with the runtime.
        if (state.type === 'fulfilled') state.value.dispose();
        else if (state.type === 'rejected') state.error.dispose();
        recycle = true;
        return timedOut();
      }
      if (state.type !== 'fulfilled') {
        if (state.type === 'rejected') state.error.dispose();
        recycle = true;
        return timedOut();
      }
      if (this.ticks > this.budget) {
        // The interrupt surfaced as a rejection the handler's own code saw: still the timeout.
        state.value.dispose();
        recycle = true;
        return timedOut();
      }
      const text = vm.getString(state.value);
      state.value.dispose();
      const r = JSON.parse(text) as {
        ok: boolean;
        value?: unknown;
        errorType?: string;
        errorMessage?: string;
      } & HandlerSideEffects;
      const effects = { items: r.items ?? [], records: r.records ?? [], logs: r.logs ?? [] };
      if (r.ok) return { ok: true, value: r.value ?? null, workMs: workMs(), ...effects };
      if (r.errorType === 'InternalError' && r.errorMessage === 'out of memory') recycle = true;
      const overflow = r.errorType === 'InternalError' && r.errorMessage === 'stack overflow';
      return {
        ok: false,
        // QuickJS says InternalError "stack overflow" where Node's Lambda runtime says RangeError.
        errorType: overflow ? 'RangeError' : String(r.errorType ?? 'Error'),
        errorMessage: overflow ? 'Maximum call stack size exceeded' : String(r.errorMessage ?? ''),
        timedOut: false,
        workMs: workMs(),
        ...effects,
      };
    } catch (e) {
      // The host's own stack or an engine fault: end this invocation, abandon the runtime.
      recycle = true;
      this.broken = true;
      return this.crashed(
        { name: 'Runtime.ExitError', message: String((e as Error)?.message ?? e) },
        workMs(),
      );
    } finally {
      if (recycle) this.dispose();
    }
  }

  private crashed(e: { name?: string; message?: string } | undefined, workMs: number): InvocationOutcome {
    const oom = e?.message === 'out of memory';
    return {
      ok: false,
      errorType: oom ? 'Runtime.OutOfMemory' : (e?.name ?? 'Error'),
      errorMessage: oom
        ? `Runtime exited: out of memory (limit ${this.options.memoryMB} MB)`
        : String(e?.message ?? e),
      timedOut: false,
      workMs,
      ...EMPTY,
    };
  }
}

/** Live sandboxes in this worker or process, least recently used first out past MAX_LIVE. */
const live: Sandbox[] = [];
let useCounter = 0;

function touch(s: Sandbox): void {
  s.lastUsed = ++useCounter;
  if (!live.includes(s)) live.push(s);
  while (live.length > MAX_LIVE) {
    let oldest = 0;
    for (let i = 1; i < live.length; i++) if (live[i].lastUsed < live[oldest].lastUsed) oldest = i;
    const [gone] = live.splice(oldest, 1);
    gone.dispose();
  }
}

export function compileHandler(source: string, options: SandboxOptions): CompileResult {
  // Syntax and imports are checked first by the parser, for exact positions and clear words.
  const parsed = instrument(source);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const sandbox = new Sandbox(source, options);
  const problem = sandbox.load();
  if (problem) {
    sandbox.dispose();
    return { ok: false, error: problem };
  }
  touch(sandbox);
  const invoke = async (event: unknown, extras: InvocationContextExtras): Promise<InvocationOutcome> => {
    if (sandbox.abandoned >= 3) {
      return {
        ok: false,
        errorType: 'Runtime.ExitError',
        errorMessage:
          'The function was stopped: its handler left promise jobs queuing forever in 3 invocations',
        timedOut: false,
        workMs: 0,
        ...EMPTY,
      };
    }
    if (!sandbox.loaded) {
      // Rebuilt after a timeout, out-of-memory, left-over jobs or recycling.
      const again = sandbox.load();
      if (again)
        return {
          ok: false,
          errorType: 'Runtime.ImportModuleError',
          errorMessage: again.message,
          timedOut: false,
          workMs: 0,
          ...EMPTY,
        };
    }
    touch(sandbox);
    return sandbox.invoke(event, extras);
  };
  return { ok: true, handler: { invoke } };
}
