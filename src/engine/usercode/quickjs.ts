/**
 * The separate JavaScript engine user code runs in: QuickJS compiled to WebAssembly
 * (quickjs-emscripten, the release-sync variant with a separate .wasm), the same in the browser's
 * engine worker and in Node. `prepareSandbox()` loads it once per worker or process (async: the
 * WASM is fetched and compiled); the engine then uses it synchronously. runHeadless and the worker
 * prepare it before a run; tests prepare it in their setup file.
 *
 * Not a top-level await: in a module worker, messages posted while a top-level await is pending
 * are lost before comlink listens, and the studio's first call never arrives.
 *
 * The module gets its own WebAssembly.Memory with a maximum: QuickJS's per-runtime memory limit
 * alone did not stop large array allocations (they grew WASM memory to its 2 GiB default), the
 * maximum does. WASM memory never shrinks: the studio starts a fresh worker for each run.
 */
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';

/** The hard wall on all user code's memory in one worker or process: 256 MiB (64 KiB pages). */
export const WASM_MAX_MIB = 256;

// lib ES2022 (the core's) has no WebAssembly types; the engine only needs the constructor.
declare const WebAssembly: { Memory: new (d: { initial: number; maximum: number }) => object };

let loaded: QuickJSWASMModule | null = null;
let loading: Promise<QuickJSWASMModule> | null = null;

/** Loads QuickJS once; resolves when handlers can be compiled. */
export async function prepareSandbox(): Promise<void> {
  loading ??= newQuickJSWASMModuleFromVariant(
    newVariant(variant, {
      wasmMemory: new WebAssembly.Memory({
        initial: 256,
        maximum: (WASM_MAX_MIB * 1024 * 1024) / 65536,
      }) as never,
    }),
  ).then((m) => {
    loaded = m;
    return m;
  });
  await loading;
}

/** The loaded module; a run that skipped prepareSandbox() fails loudly rather than running code unsandboxed. */
export function quickjs(): QuickJSWASMModule {
  if (!loaded) throw new Error('The Lambda sandbox is not loaded: await prepareSandbox() before the run.');
  return loaded;
}
