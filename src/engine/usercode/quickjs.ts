/**
 * The separate JavaScript engine user code runs in: QuickJS compiled to WebAssembly
 * (quickjs-emscripten, the release-sync variant with a separate .wasm), the same in the browser's
 * engine worker and in Node. Loaded once per worker or process with a top-level await, so the engine
 * stays synchronous.
 *
 * The module gets its own WebAssembly.Memory with a maximum: QuickJS's per-runtime memory limit
 * alone did not stop large array allocations (they grew WASM memory to its 2 GiB default), the
 * maximum does. WASM memory never shrinks: the studio ends a run's worker on Reset to give it back.
 */
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, newVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';

/** The hard wall on all user code's memory in one worker or process: 512 MiB (64 KiB pages). */
export const WASM_MAX_MIB = 512;

// lib ES2022 (the core's) has no WebAssembly types; the engine only needs the constructor.
declare const WebAssembly: { Memory: new (d: { initial: number; maximum: number }) => object };

export const QUICKJS: QuickJSWASMModule = await newQuickJSWASMModuleFromVariant(
  newVariant(variant, {
    wasmMemory: new WebAssembly.Memory({
      initial: 256,
      maximum: (WASM_MAX_MIB * 1024 * 1024) / 65536,
    }) as never,
  }),
);
